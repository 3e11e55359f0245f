import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';

/**
 * An in-process fake LMS (no internet in tests): its own RSA key pair, an OIDC authorization endpoint that
 * answers a login with an auto-posting form carrying a signed id_token, a client-credentials token endpoint
 * that checks the tool's signed assertion, AGS score endpoints that record what they receive, an NRPS
 * members endpoint, and LTI Dynamic Registration (an OpenID configuration and a registration endpoint that
 * records what the tool posts and answers with the client id and deployment id).
 */
export type FakeUser = { sub: string; name: string; email: string; roles: string[] };
export type FakeLink = { resourceLinkId: string; contextId: string; contextTitle?: string; itemId?: string; lineItem?: string };
export type RecordedScore = { lineItem: string; body: { userId: string; scoreGiven?: number; scoreMaximum?: number; activityProgress: string; gradingProgress: string; timestamp: string } };

export const ROLE = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  ta: 'http://purl.imsglobal.org/vocab/lis/v2/membership#TeachingAssistant',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
};

export type FakePlatformOptions = {
  clientId: string;
  deploymentId: string;
  /** The tool's JWKS, to verify its client assertions (a URL in e2e, a function in-process). */
  toolJwks: () => Promise<JSONWebKeySet>;
  /** The tool's OIDC login URL, for the page that starts a launch in a browser (/launch/<user>/<link>). */
  toolLoginUrl?: string;
};

export type FakePlatform = Awaited<ReturnType<typeof startFakePlatform>>;

export async function startFakePlatform(options: FakePlatformOptions) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = 'platform-key-1';
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const users = new Map<string, FakeUser>();
  const links = new Map<string, FakeLink>();
  const members = new Map<string, FakeUser[]>();
  const scores: RecordedScore[] = [];
  const tokens = new Set<string>();
  const tokenRequests: { scope: string }[] = [];
  /** Lets a test hand the tool a failing endpoint (status code) for the next N score posts. */
  const failNextScores = { count: 0, status: 503 };
  /** Dynamic registration: the token the LMS hands out, what the tool posted, and knobs for failing tests. */
  const registrationToken = randomUUID();
  const registrations: { authorization: string; body: Record<string, unknown> }[] = [];
  const dynamicRegistration: { issuer?: string; fail?: { status: number; body: string } } = {};

  let base = '';
  const server: Server = createServer((req, res) => {
    handle(req)
      .then(({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = base;

  const json = (status: number, value: unknown, type = 'application/json') => ({ status, type, body: JSON.stringify(value) });

  /** The id_token a launch carries; `overrides` lets tests tamper with claims. */
  async function signIdToken(claims: { user: FakeUser; link: FakeLink; nonce: string; messageType?: string }, overrides: JWTPayload = {}, key: CryptoKey = privateKey) {
    const { user, link } = claims;
    const now = Math.floor(Date.now() / 1000);
    const payload: JWTPayload = {
      iss: issuer,
      aud: options.clientId,
      sub: user.sub,
      iat: now,
      exp: now + 300,
      nonce: claims.nonce,
      name: user.name,
      given_name: user.name.split(' ')[0],
      family_name: user.name.split(' ').slice(1).join(' ') || user.name,
      email: user.email,
      'https://purl.imsglobal.org/spec/lti/claim/message_type': claims.messageType ?? 'LtiResourceLinkRequest',
      'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0',
      'https://purl.imsglobal.org/spec/lti/claim/deployment_id': options.deploymentId,
      'https://purl.imsglobal.org/spec/lti/claim/target_link_uri': 'set-by-login',
      'https://purl.imsglobal.org/spec/lti/claim/roles': user.roles,
      'https://purl.imsglobal.org/spec/lti/claim/resource_link': { id: link.resourceLinkId, title: 'Activity' },
      'https://purl.imsglobal.org/spec/lti/claim/context': { id: link.contextId, label: 'DGM', title: link.contextTitle ?? 'Deep generative models' },
      'https://purl.imsglobal.org/spec/lti/claim/custom': link.itemId ? { item_id: link.itemId } : {},
      'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
        scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/lineitem', 'https://purl.imsglobal.org/spec/lti-ags/scope/score'],
        lineitems: `${base}/ags/${link.contextId}/lineitems`,
        ...(link.lineItem ? { lineitem: `${base}/ags/${link.contextId}/lineitems/${link.lineItem}` } : {}),
      },
      'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': { context_memberships_url: `${base}/nrps/${link.contextId}`, service_versions: ['2.0'] },
      ...overrides,
    };
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
  }

  async function handle(req: IncomingMessage): Promise<{ status: number; type: string; body: string }> {
    const url = new URL(req.url ?? '/', base);
    const body = req.method === 'POST' ? await readBody(req) : '';
    if (url.pathname === '/jwks') return json(200, { keys: [publicJwk] });
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: dynamicRegistration.issuer ?? issuer,
        authorization_endpoint: `${base}/auth`,
        token_endpoint: `${base}/token`,
        jwks_uri: `${base}/jwks`,
        registration_endpoint: `${base}/register`,
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        token_endpoint_auth_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid', 'https://purl.imsglobal.org/spec/lti-ags/scope/score', 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly'],
        response_types_supported: ['id_token'],
        id_token_signing_alg_values_supported: ['RS256'],
        claims_supported: ['iss', 'sub', 'name', 'email'],
        subject_types_supported: ['public'],
        'https://purl.imsglobal.org/spec/lti-platform-configuration': { product_family_code: 'fake-lms', version: '1.0', messages_supported: [{ type: 'LtiResourceLinkRequest' }] },
      });
    }
    if (url.pathname === '/register' && req.method === 'POST') {
      const authorization = req.headers.authorization ?? '';
      registrations.push({ authorization, body: JSON.parse(body) as Record<string, unknown> });
      if (authorization !== `Bearer ${registrationToken}`) return json(401, { error: 'invalid_token' });
      if (dynamicRegistration.fail) return { status: dynamicRegistration.fail.status, type: 'text/plain', body: dynamicRegistration.fail.body };
      const posted = registrations.at(-1)!.body;
      const toolConfig = posted['https://purl.imsglobal.org/spec/lti-tool-configuration'] as Record<string, unknown>;
      return json(200, { ...posted, client_id: options.clientId, 'https://purl.imsglobal.org/spec/lti-tool-configuration': { ...toolConfig, deployment_id: options.deploymentId } });
    }
    const startMatch = /^\/launch\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (startMatch && options.toolLoginUrl) {
      // The LMS page a student clicks through: it auto-posts the third-party-initiated login to the tool.
      const target = new URL(options.toolLoginUrl);
      const params = {
        iss: issuer,
        client_id: options.clientId,
        lti_deployment_id: options.deploymentId,
        login_hint: startMatch[1],
        lti_message_hint: startMatch[2],
        target_link_uri: `${target.origin}/api/lti/launch`,
      };
      const inputs = Object.entries(params)
        .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
        .join('');
      return {
        status: 200,
        type: 'text/html',
        body: `<!doctype html><title>Fake LMS</title><p>Opening the activity…</p><form id="f" method="post" action="${escapeHtml(options.toolLoginUrl)}">${inputs}</form><script>document.getElementById('f').submit()</script>`,
      };
    }
    if (url.pathname === '/auth') {
      // OIDC authorization request from the tool's login: answer with a form that posts the id_token back.
      const p = url.searchParams;
      const user = users.get(p.get('login_hint') ?? '');
      const link = links.get(p.get('lti_message_hint') ?? '');
      if (p.get('client_id') !== options.clientId || p.get('response_mode') !== 'form_post' || !user || !link) return json(400, { error: 'invalid_request' });
      const idToken = await signIdToken({ user, link, nonce: p.get('nonce') ?? '' }, { 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri': p.get('redirect_uri') ?? '' });
      const html = `<!doctype html><title>LMS</title><form id="f" method="post" action="${escapeHtml(p.get('redirect_uri') ?? '')}"><input type="hidden" name="id_token" value="${idToken}"><input type="hidden" name="state" value="${escapeHtml(p.get('state') ?? '')}"></form><script>document.getElementById('f').submit()</script>`;
      return { status: 200, type: 'text/html', body: html };
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(body);
      try {
        const { payload } = await jwtVerify(form.get('client_assertion') ?? '', createLocalJWKSet(await options.toolJwks()), {
          issuer: options.clientId,
          subject: options.clientId,
          audience: `${base}/token`,
        });
        if (!payload.jti) throw new Error('no jti');
      } catch {
        return json(401, { error: 'invalid_client' });
      }
      const token = randomUUID();
      tokens.add(token);
      tokenRequests.push({ scope: form.get('scope') ?? '' });
      return json(200, { access_token: token, token_type: 'Bearer', expires_in: 3600, scope: form.get('scope') });
    }
    const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const scoreMatch = /^\/ags\/([^/]+)\/lineitems\/([^/]+)\/scores$/.exec(url.pathname);
    if (scoreMatch && req.method === 'POST') {
      if (!tokens.has(bearer)) return json(401, { error: 'unauthorized' });
      if (failNextScores.count > 0) {
        failNextScores.count--;
        return json(failNextScores.status, { error: 'unavailable' });
      }
      scores.push({ lineItem: scoreMatch[2], body: JSON.parse(body) });
      return { status: 204, type: 'text/plain', body: '' };
    }
    const nrpsMatch = /^\/nrps\/([^/]+)$/.exec(url.pathname);
    if (nrpsMatch) {
      if (!tokens.has(bearer)) return json(401, { error: 'unauthorized' });
      const list = members.get(nrpsMatch[1]) ?? [];
      return json(
        200,
        { id: url.href, context: { id: nrpsMatch[1] }, members: list.map((u) => ({ user_id: u.sub, name: u.name, email: u.email, roles: u.roles, status: 'Active' })) },
        'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
      );
    }
    return json(404, { error: 'not found' });
  }

  return {
    issuer,
    url: base,
    clientId: options.clientId,
    deploymentId: options.deploymentId,
    registration: { name: 'Fake LMS', issuer, clientId: options.clientId, authUrl: `${base}/auth`, tokenUrl: `${base}/token`, jwksUrl: `${base}/jwks`, deploymentIds: [options.deploymentId] },
    scores,
    tokenRequests,
    failNextScores,
    registrationToken,
    registrations,
    dynamicRegistration,
    /** The URL an LMS opens to start dynamic registration at the tool. */
    registrationStartUrl: (toolRegisterUrl: string) =>
      `${toolRegisterUrl}?${new URLSearchParams({ openid_configuration: `${base}/.well-known/openid-configuration`, registration_token: registrationToken })}`,
    addUser: (user: FakeUser) => users.set(user.sub, user),
    addLink: (name: string, link: FakeLink) => links.set(name, link),
    setMembers: (contextId: string, list: FakeUser[]) => members.set(contextId, list),
    signIdToken,
    /** Login initiation parameters, as the LMS would send them to the tool's login URL. */
    loginParams: (userSub: string, linkName: string, targetLinkUri: string) => ({
      iss: issuer,
      client_id: options.clientId,
      lti_deployment_id: options.deploymentId,
      login_hint: userSub,
      lti_message_hint: linkName,
      target_link_uri: targetLinkUri,
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
