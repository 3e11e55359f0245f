import { randomUUID } from 'node:crypto';
import { RegistrationResponseSchema, type LTIDynamicRegistrationSession, type OpenIDConfiguration } from '@lti-tool/core';
import { z } from 'zod';
import { Refusal } from '../queries/errors';
import { registerPlatform } from '../queries/lti';
import { drizzleLtiStorage } from './storage';
import { toolUrls } from './urls';

/**
 * LTI Dynamic Registration (https://www.imsglobal.org/spec/lti-dr/v1p0), in two steps so that a link
 * cannot register a platform behind an admin's back: `startRegistration` reads the platform's OpenID
 * configuration and keeps it under a single-use session id that only the admin's page carries;
 * `completeRegistration` posts our client registration and stores the platform with registerPlatform,
 * exactly as manual registration does.
 *
 * Not @lti-tool/core's DynamicRegistrationService: it matches the issuer by hostname, not origin (the
 * spec's check); its pages load Bootstrap from a CDN; it registers our site root as a redirect URI and
 * target link; it stores a made-up 'default' deployment when the platform sends none (our launches check
 * the deployment); and a non-JSON error body from the platform becomes a JSON parse error. Its response
 * schema and storage (the registration session) are used.
 */

const REGISTRATION_TTL_MS = 15 * 60_000;
const FETCH_TIMEOUT_MS = 10_000;

const OpenIdConfigurationSchema = z.looseObject({
  issuer: z.url(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  registration_endpoint: z.url(),
  'https://purl.imsglobal.org/spec/lti-platform-configuration': z.looseObject({ product_family_code: z.string() }).optional(),
});

export const RegistrationRequestSchema = z.object({
  openid_configuration: z.url({ protocol: /^https?$/, error: 'The LMS did not send a valid openid_configuration URL.' }),
  registration_token: z.string().max(4000).optional(),
});
export type RegistrationRequest = z.infer<typeof RegistrationRequestSchema>;

export type PendingRegistration = { sessionId: string; issuer: string; productFamily: string | null };

async function fetchJson(url: string, init: RequestInit, what: string): Promise<{ status: number; ok: boolean; body: unknown; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
  } catch {
    throw new Refusal('unavailable', `Could not reach the LMS's ${what} (${new URL(url).origin}).`);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // The platform's error may be plain text; shown as such below.
  }
  return { status: response.status, ok: response.ok, body, text };
}

/** Step 1: the platform's OpenID configuration, checked, kept for the admin's confirmation. */
export async function startRegistration(request: RegistrationRequest): Promise<PendingRegistration> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.registration_token) headers.authorization = `Bearer ${request.registration_token}`;
  const answer = await fetchJson(request.openid_configuration, { headers }, 'OpenID configuration');
  if (!answer.ok) throw new Refusal('invalid', `The LMS's OpenID configuration answered ${answer.status}.`);
  const parsed = OpenIdConfigurationSchema.safeParse(answer.body);
  if (!parsed.success) throw new Refusal('invalid', `The LMS's OpenID configuration is incomplete: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}.`);
  const config = parsed.data;
  // The spec: the configuration URL must be under the issuer's origin, or anyone's page could claim an issuer.
  if (new URL(config.issuer).origin !== new URL(request.openid_configuration).origin) {
    throw new Refusal('invalid', `The LMS's issuer ${config.issuer} does not match the origin of its configuration URL ${new URL(request.openid_configuration).origin}.`);
  }
  const sessionId = randomUUID();
  const session: LTIDynamicRegistrationSession = {
    openIdConfiguration: config as unknown as OpenIDConfiguration,
    registrationToken: request.registration_token,
    expiresAt: Date.now() + REGISTRATION_TTL_MS,
  };
  await drizzleLtiStorage.setRegistrationSession(sessionId, session);
  return { sessionId, issuer: config.issuer, productFamily: config['https://purl.imsglobal.org/spec/lti-platform-configuration']?.product_family_code ?? null };
}

/** What we ask the platform for: launches, AGS line items and scores, NRPS roster. */
export function registrationPayload(origin: string) {
  const urls = toolUrls(origin);
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: urls.loginUrl,
    redirect_uris: urls.redirectUris,
    client_name: 'Tensorgrade',
    jwks_uri: urls.jwksUrl,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: [
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
      'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
    ].join(' '),
    'https://purl.imsglobal.org/spec/lti-tool-configuration': {
      domain: new URL(origin).host,
      description: 'Auto-graded exercises and quizzes',
      target_link_uri: urls.launchUrl,
      // The launch needs the user's name and e-mail (the library requires them).
      claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email'],
      messages: [{ type: 'LtiResourceLinkRequest', target_link_uri: urls.launchUrl }],
    },
  };
}

/** Step 2: register with the platform and store it (site admins only, checked by registerPlatform). */
export async function completeRegistration(actorId: string, sessionId: string, origin: string): Promise<{ platformId: string; clientId: string; deploymentId: string }> {
  const session = await drizzleLtiStorage.getRegistrationSession(sessionId);
  // Single use: a reloaded or replayed form does not register twice.
  await drizzleLtiStorage.deleteRegistrationSession(sessionId);
  if (!session) throw new Refusal('invalid', 'This registration has expired or was already completed. Start it again from the LMS.');
  const config = session.openIdConfiguration;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (session.registrationToken) headers.authorization = `Bearer ${session.registrationToken}`;
  const answer = await fetchJson(config.registration_endpoint, { method: 'POST', headers, body: JSON.stringify(registrationPayload(origin)) }, 'registration endpoint');
  if (!answer.ok) {
    const detail = (answer.body as { error_description?: unknown; error?: unknown } | null)?.error_description ?? (answer.body as { error?: unknown } | null)?.error ?? answer.text;
    throw new Refusal('invalid', `The LMS refused the registration (${answer.status}): ${String(detail).slice(0, 300)}`);
  }
  const parsed = RegistrationResponseSchema.safeParse(answer.body);
  if (!parsed.success) throw new Refusal('invalid', "The LMS's registration answer is not an LTI client registration.");
  const deploymentId = parsed.data['https://purl.imsglobal.org/spec/lti-tool-configuration'].deployment_id;
  if (!deploymentId) throw new Refusal('invalid', 'The LMS registered the tool but sent no deployment id; add the deployment on the LMS connection page.');
  // Named for the staff page by the LMS's product and host, e.g. "moodle (moodle.uni.edu)".
  const product = config['https://purl.imsglobal.org/spec/lti-platform-configuration']?.product_family_code;
  const host = new URL(config.issuer).host;
  const platformId = await registerPlatform(actorId, {
    name: product ? `${product} (${host})` : host,
    issuer: config.issuer,
    clientId: parsed.data.client_id,
    authUrl: config.authorization_endpoint,
    tokenUrl: config.token_endpoint,
    jwksUrl: config.jwks_uri,
    deploymentIds: [deploymentId],
  });
  return { platformId, clientId: parsed.data.client_id, deploymentId };
}
