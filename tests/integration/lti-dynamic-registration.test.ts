import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from './test-db';
import { insertUser, type PublicUser } from '@/db/queries/users';
import { selectDeployments, selectPlatforms } from '@/db/queries/lti';
import { publishedJwks } from '@/db/lti/keys';
import { ROLE, startFakePlatform, type FakePlatform } from '../lti-platform/platform';
import { launchAs, TOOL_ORIGIN } from '../lti-platform/launch-flow';

const signedIn: { user: PublicUser | null } = { user: null };
// The route's helpers are server-only (a Next guard); the session is the signed-in user below.
vi.mock('server-only', () => ({}));
vi.mock('@/app/_lib/authz', () => ({ getOptionalUser: async () => signedIn.user }));
const { GET, POST } = await import('@/app/api/lti/register/route');

const REGISTER_URL = `${TOOL_ORIGIN}/api/lti/register`;
let drop: () => Promise<void>;
let platform: FakePlatform;
let admin: PublicUser;
let teacher: PublicUser;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  platform = await startFakePlatform({ clientId: 'dyn-client-7', deploymentId: 'dyn-dep-7', toolJwks: publishedJwks });
  admin = await insertUser({ email: 'admin@uni.test', name: 'Site Admin', password: 'a long admin password', isAdmin: true });
  teacher = await insertUser({ email: 'teach@uni.test', name: 'Not Admin', password: 'a long teacher password' });
  platform.addUser({ sub: 'lms-teacher-9', name: 'Ina Instructor', email: 'ina@uni.test', roles: [ROLE.instructor] });
  platform.addLink('course-link', { resourceLinkId: 'rl-dyn', contextId: 'ctx-dyn', contextTitle: 'Registered dynamically' });
});

afterAll(async () => {
  await platform?.close();
  await drop?.();
});

/** The LMS opens the registration URL (GET); the admin's page then posts its form (POST). */
async function open(user: PublicUser | null) {
  signedIn.user = user;
  const response = await GET(new Request(platform.registrationStartUrl(REGISTER_URL)));
  return { status: response.status, html: await response.text() };
}
async function confirm(user: PublicUser | null, html: string) {
  signedIn.user = user;
  const session = /name="session" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const response = await POST(new Request(REGISTER_URL, { method: 'POST', body: new URLSearchParams({ session }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
  return { status: response.status, html: await response.text() };
}

describe('LTI dynamic registration', () => {
  it('refuses anyone but a site admin, and registers nothing', async () => {
    const signedOut = await open(null);
    expect(signedOut.status).toBe(401);
    expect(signedOut.html).toContain('Sign in to Tensorgrade as a site administrator');
    const notAdmin = await open(teacher);
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.html).toContain('Only a Tensorgrade site administrator can register an LMS');
    // A non-admin holding an admin's confirmation form cannot complete it either.
    const started = await open(admin);
    expect((await confirm(teacher, started.html)).status).toBe(403);
    expect(platform.registrations).toHaveLength(0);
    expect(await selectPlatforms()).toHaveLength(0);
  });

  it('refuses an issuer that does not match the configuration URL origin', async () => {
    platform.dynamicRegistration.issuer = 'https://lms.elsewhere.test';
    try {
      const answer = await open(admin);
      expect(answer.status).toBe(400);
      expect(answer.html).toContain('does not match the origin of its configuration URL');
      expect(answer.html).not.toContain('name="session"');
    } finally {
      delete platform.dynamicRegistration.issuer;
    }
    expect(await selectPlatforms()).toHaveLength(0);
  });

  it("shows the platform's registration error and stores nothing", async () => {
    platform.dynamicRegistration.fail = { status: 400, body: 'invalid_redirect_uri: this LMS only accepts https' };
    try {
      const answer = await confirm(admin, (await open(admin)).html);
      expect(answer.status).toBe(400);
      expect(answer.html).toContain('The LMS refused the registration (400): invalid_redirect_uri: this LMS only accepts https');
      expect(answer.html).not.toContain('org.imsglobal.lti.close');
    } finally {
      delete platform.dynamicRegistration.fail;
    }
    expect(await selectPlatforms()).toHaveLength(0);
  });

  it('an admin registers: the platform gets our configuration, the tool stores it, and a launch works', async () => {
    const started = await open(admin);
    expect(started.status).toBe(200);
    expect(started.html).toContain(platform.issuer);
    const done = await confirm(admin, started.html);
    expect(done.status).toBe(200);
    expect(done.html).toContain("postMessage({subject:'org.imsglobal.lti.close'}");
    expect(done.html).toContain('dyn-client-7');

    const posted = platform.registrations.at(-1)!;
    expect(posted.authorization).toBe(`Bearer ${platform.registrationToken}`);
    expect(posted.body).toMatchObject({
      initiate_login_uri: `${TOOL_ORIGIN}/api/lti/login`,
      redirect_uris: [`${TOOL_ORIGIN}/api/lti/launch`],
      jwks_uri: `${TOOL_ORIGIN}/api/lti/jwks`,
      token_endpoint_auth_method: 'private_key_jwt',
      'https://purl.imsglobal.org/spec/lti-tool-configuration': { domain: 'tool.test', target_link_uri: `${TOOL_ORIGIN}/api/lti/launch`, messages: [{ type: 'LtiResourceLinkRequest' }] },
    });
    expect(String(posted.body.scope).split(' ').sort()).toEqual([
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
      'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
    ]);

    const [stored] = await selectPlatforms();
    expect(stored).toMatchObject({ issuer: platform.issuer, clientId: 'dyn-client-7', authUrl: `${platform.url}/auth`, tokenUrl: `${platform.url}/token`, jwksUrl: `${platform.url}/jwks` });
    expect((await selectDeployments(stored.id)).map((d) => d.deploymentId)).toEqual(['dyn-dep-7']);

    // The registered platform launches: the instructor lands, signed in, on a course made for the LMS context.
    const launch = await launchAs(platform, 'lms-teacher-9', 'course-link');
    expect(launch.redirectTo).toMatch(/^\/courses\/[0-9a-f-]{36}/);

    // The confirmation form is single-use: replaying it registers nothing more.
    expect((await confirm(admin, started.html)).html).toContain('expired or was already completed');
    expect(await selectPlatforms()).toHaveLength(1);
  });
});
