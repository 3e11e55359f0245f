import { startLogin } from '@/db/lti/launch';
import { LOGIN_TTL_SECONDS } from '@/db/lti/tool';
import { crossSiteCookie, launchErrorPage, readForm, STATE_COOKIE, toolOrigin } from '../lti-http';

export const dynamic = 'force-dynamic';

/** OIDC login initiation: the LMS sends the browser here (GET or POST); we send it on to the LMS's auth URL. */
async function login(request: Request): Promise<Response> {
  try {
    const { redirectUrl, binding } = await startLogin(await readForm(request), toolOrigin(request));
    return new Response(null, {
      status: 302,
      headers: { location: redirectUrl, 'set-cookie': crossSiteCookie(STATE_COOKIE, binding, { path: '/api/lti', maxAge: LOGIN_TTL_SECONDS }), 'cache-control': 'no-store' },
    });
  } catch (error) {
    return launchErrorPage(error);
  }
}

export { login as GET, login as POST };
