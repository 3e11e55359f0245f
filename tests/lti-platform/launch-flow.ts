import { completeLaunch, startLogin } from '@/db/lti/launch';
import type { FakePlatform } from './platform';

/** The tool origin the integration tests pretend to be served from. */
export const TOOL_ORIGIN = 'https://tool.test';

/** The browser's part of a launch: login at the tool, follow to the platform, read the auto-posted form. */
export async function loginAndAuthorize(platform: FakePlatform, userSub: string, linkName: string) {
  const { redirectUrl, binding } = await startLogin(platform.loginParams(userSub, linkName, `${TOOL_ORIGIN}/api/lti/launch`), TOOL_ORIGIN);
  const html = await (await fetch(redirectUrl)).text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
  return { idToken: field('id_token'), state: field('state').replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))), binding, nonce: new URL(redirectUrl).searchParams.get('nonce')! };
}

export async function launchAs(platform: FakePlatform, userSub: string, linkName: string) {
  const { idToken, state, binding } = await loginAndAuthorize(platform, userSub, linkName);
  return completeLaunch({ idToken, state, binding });
}
