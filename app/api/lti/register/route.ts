import { getOptionalUser } from '@/app/_lib/authz';
import { httpStatus } from '@/app/_lib/refusal';
import { completeRegistration, RegistrationRequestSchema, startRegistration } from '@/db/lti/dynamic-registration';
import { isRefusal } from '@/db/queries/errors';
import { readForm, toolOrigin } from '../lti-http';

export const dynamic = 'force-dynamic';

const CLOSE_MESSAGE = "{subject:'org.imsglobal.lti.close'}";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Tensorgrade: ${escapeHtml(title)}</title><main style="font-family:system-ui;max-width:40rem;margin:3rem auto"><h1>${escapeHtml(title)}</h1>${body}</main></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

function errorPage(error: unknown): Response {
  if (!isRefusal(error)) console.error('[lti] dynamic registration failed:', error instanceof Error ? error.message : 'unknown error');
  const message = isRefusal(error) ? error.message : 'The registration failed. Start it again from the LMS.';
  return page(isRefusal(error) ? httpStatus(error.code) : 500, 'Registration failed', `<p role="alert">${escapeHtml(message)}</p>`);
}

/**
 * Signed out or not an admin. Inside the LMS's iframe the sign-in cookie (SameSite=Lax) is not sent, so the
 * page offers the same URL in a new window; the page finished there tells this one, which tells the LMS.
 */
function signInPage(request: Request, signedIn: boolean): Response {
  const here = new URL(request.url);
  const signIn = `/login?callbackUrl=${encodeURIComponent(here.pathname + here.search)}`;
  const relay = `<script>addEventListener('message',function(e){if(e.origin===location.origin&&e.data&&e.data.subject==='org.imsglobal.lti.close')parent.postMessage(${CLOSE_MESSAGE},'*')})</script>`;
  const text = signedIn
    ? 'Only a Tensorgrade site administrator can register an LMS. Sign in as an administrator to complete this registration.'
    : 'Sign in to Tensorgrade as a site administrator to complete this registration.';
  return page(
    signedIn ? 403 : 401,
    'Sign in as an administrator',
    `<p role="alert">${escapeHtml(text)}</p><p><a href="${escapeHtml(signIn)}" target="_blank" rel="opener">Sign in (opens a new window)</a>, then <a href="${escapeHtml(here.pathname + here.search)}" target="_blank" rel="opener">open this registration in a new window</a>.</p>${relay}`,
  );
}

/** LTI Dynamic Registration, step 1: the LMS opens this URL; an admin confirms what will be registered. */
export async function GET(request: Request): Promise<Response> {
  const user = await getOptionalUser();
  if (!user?.isAdmin) return signInPage(request, Boolean(user));
  const parsed = RegistrationRequestSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return page(400, 'Registration failed', `<p role="alert">${escapeHtml(parsed.error.issues[0].message)}</p>`);
  try {
    const pending = await startRegistration(parsed.data);
    const product = pending.productFamily ? ` (${escapeHtml(pending.productFamily)})` : '';
    return page(
      200,
      'Register Tensorgrade with this LMS',
      `<p>Issuer <code>${escapeHtml(pending.issuer)}</code>${product} asks to register Tensorgrade. It will be able to launch activities, receive scores (Assignment and Grade Services) and let instructors sync rosters (Names and Role Provisioning); the tool needs the users' names and e-mail.</p>` +
        `<form method="post"><input type="hidden" name="session" value="${escapeHtml(pending.sessionId)}"><button type="submit">Register</button></form>`,
    );
  } catch (error) {
    return errorPage(error);
  }
}

/** Step 2: register with the platform, store it, and tell the LMS to close its registration window. */
export async function POST(request: Request): Promise<Response> {
  const user = await getOptionalUser();
  if (!user?.isAdmin) return signInPage(request, Boolean(user));
  const { session } = await readForm(request);
  if (!session) return page(400, 'Registration failed', '<p role="alert">The registration form is incomplete. Start it again from the LMS.</p>');
  try {
    const done = await completeRegistration(user.id, session, toolOrigin(request));
    return page(
      200,
      'Tensorgrade is registered',
      `<p role="status">Client id <code>${escapeHtml(done.clientId)}</code>, deployment <code>${escapeHtml(done.deploymentId)}</code>. You can close this window.</p>` +
        `<script>[window.opener,window.parent].forEach(function(w){if(w&&w!==window)w.postMessage(${CLOSE_MESSAGE},'*')})</script>`,
    );
  } catch (error) {
    return errorPage(error);
  }
}
