import { completeLaunch } from '@/db/lti/launch';
import { launchErrorPage, readForm, sessionCookie, STATE_COOKIE } from '../lti-http';

export const dynamic = 'force-dynamic';

function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * The launch: the LMS's form posts id_token and state here. Verified, the user is signed in and sent to the
 * item the link points to. The token is never logged (errors name the failed check only).
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const form = await readForm(request);
    if (!form.id_token || !form.state) return launchErrorPage(new Error('missing id_token or state'));
    const result = await completeLaunch({ idToken: form.id_token, state: form.state, binding: cookieValue(request, STATE_COOKIE) });
    const headers = new Headers({ location: result.redirectTo, 'cache-control': 'no-store' });
    headers.append('set-cookie', await sessionCookie(request, result));
    // The login binding is single-use, like its nonce.
    headers.append('set-cookie', `${STATE_COOKIE}=; Path=/api/lti; Max-Age=0; HttpOnly; Secure; SameSite=None`);
    // 303: the browser follows with a GET of the item page.
    return new Response(null, { status: 303, headers });
  } catch (error) {
    return launchErrorPage(error);
  }
}
