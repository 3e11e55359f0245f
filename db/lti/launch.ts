import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import type { LTI13JwtPayload } from '@lti-tool/core';
import { Refusal } from '../queries/errors';
import * as q from '../queries/lti';
import { courseRoleFromLti } from './roles';
import { ltiTool } from './tool';
import { toolUrls } from './urls';

/** How far a platform's clock may be ahead of ours (iat in the future), and how old a launch token may be. */
export const CLOCK_SKEW_SECONDS = 60;
export const MAX_TOKEN_AGE_SECONDS = 600;

const LoginSchema = z.object({
  iss: z.string().min(1).max(500),
  login_hint: z.string().min(1).max(2000),
  target_link_uri: z.url().max(2000),
  client_id: z.string().min(1).max(500).optional(),
  lti_deployment_id: z.string().min(1).max(500).optional(),
  lti_message_hint: z.string().max(4000).optional(),
});

/** The browser-binding cookie holds a hash of the state, so a state lifted from a URL is useless elsewhere. */
export const stateBinding = (state: string) => createHash('sha256').update(state).digest('base64url');

/**
 * OIDC login initiation (third-party initiated login). Only a registered, enabled issuer gets an answer, and
 * its login is checked against a registered deployment before anything is stored.
 */
export async function startLogin(params: Record<string, string>, origin: string): Promise<{ redirectUrl: string; binding: string }> {
  const parsed = LoginSchema.safeParse(params);
  if (!parsed.success) throw new Refusal('invalid', 'This is not an LTI 1.3 login request (iss, login_hint and target_link_uri are required).');
  const login = parsed.data;
  const platforms = await q.selectEnabledPlatformsByIssuer(login.iss);
  // client_id is optional in the spec; an issuer registered once is unambiguous without it.
  const platform = login.client_id ? platforms.find((p) => p.clientId === login.client_id) : platforms.length === 1 ? platforms[0] : undefined;
  if (!platform) throw new Refusal('forbidden', 'This LMS is not registered with Tensorgrade (or is disabled). An administrator registers it on the LMS connection page.');
  const deployments = await q.selectDeployments(platform.id);
  const deploymentId = login.lti_deployment_id ?? (deployments.length === 1 ? deployments[0].deploymentId : undefined);
  if (!deploymentId || !deployments.some((d) => d.deploymentId === deploymentId)) {
    await q.notePlatformError(platform.id, 'Login for an unknown deployment id: register it on the LMS connection page.');
    throw new Refusal('forbidden', 'This LMS deployment is not registered with Tensorgrade.');
  }
  if (new URL(login.target_link_uri).origin !== origin) throw new Refusal('invalid', 'The target link is not on this site.');
  const tool = await ltiTool();
  const redirectUrl = await tool.handleLogin({
    iss: login.iss,
    client_id: platform.clientId,
    lti_deployment_id: deploymentId,
    login_hint: login.login_hint,
    lti_message_hint: login.lti_message_hint,
    target_link_uri: login.target_link_uri,
    launchUrl: toolUrls(origin).launchUrl,
  });
  const state = new URL(redirectUrl).searchParams.get('state')!;
  return { redirectUrl, binding: stateBinding(state) };
}

export type LaunchResult = { userId: string; sessionVersion: number; courseId: string; role: 'student' | 'grader' | 'instructor'; redirectTo: string };

/**
 * Verifies a launch (the library: platform signature via its JWKS, our state, nonce once, aud = client id,
 * registered deployment; we add: the state came from this browser, azp, bounded iat) and signs the user in:
 * account by platform user id, LMS context → course, LMS roles → course role, the link's item as target.
 */
export async function completeLaunch(input: { idToken: string; state: string; binding: string | undefined }): Promise<LaunchResult> {
  let unverified: { iss?: string; aud?: string | string[]; azp?: unknown };
  try {
    unverified = decodeJwt(input.idToken);
  } catch {
    throw new Refusal('invalid', 'The launch carries no valid id_token.');
  }
  const audience = Array.isArray(unverified.aud) ? unverified.aud : [unverified.aud];
  const platform = unverified.iss ? (await q.selectEnabledPlatformsByIssuer(unverified.iss)).find((p) => audience.includes(p.clientId)) : undefined;
  const refuse = async (message: string, forPlatform = message): Promise<never> => {
    if (platform) await q.notePlatformError(platform.id, forPlatform);
    throw new Refusal('forbidden', message);
  };
  if (!platform) return refuse('This launch does not come from an LMS registered with Tensorgrade.');
  if (!input.binding || input.binding !== stateBinding(input.state)) {
    return refuse('This launch did not start in this browser (the login cookie is missing). If your browser blocks cookies in embedded pages, open the activity in a new window.');
  }

  let payload: LTI13JwtPayload;
  try {
    payload = await (await ltiTool()).verifyLaunch(input.idToken, input.state);
  } catch (error) {
    // The library's message names the failed check (signature, nonce, client id, deployment); never the token.
    const reason = error instanceof Error ? error.message.replace(/^\[LTI\] /, '').slice(0, 300) : 'verification failed';
    return refuse('The LMS launch could not be verified. Start it again from the LMS.', reason);
  }
  const now = Math.floor(Date.now() / 1000);
  if (payload.iat > now + CLOCK_SKEW_SECONDS || now - payload.iat > MAX_TOKEN_AGE_SECONDS)
    return refuse('The launch token is too old or from the future: check the LMS clock.', 'Launch token iat out of bounds.');
  // The library's schema strips azp from its result; the token it verified still carries it.
  const azp = unverified.azp;
  if (azp !== undefined && azp !== platform.clientId) return refuse('The launch token was issued for another tool.', 'Launch token azp is not our client id.');

  const messageType = payload['https://purl.imsglobal.org/spec/lti/claim/message_type'];
  if (messageType !== 'LtiResourceLinkRequest') return refuse('Deep linking is not available yet: add the activity with its launch URL.', `Unsupported message type ${messageType}.`);
  const context = payload['https://purl.imsglobal.org/spec/lti/claim/context'];
  const resourceLink = payload['https://purl.imsglobal.org/spec/lti/claim/resource_link'];
  if (!context || !resourceLink) return refuse('The launch names no course or activity.', 'Launch without context or resource link.');

  const role = courseRoleFromLti(payload['https://purl.imsglobal.org/spec/lti/claim/roles'] ?? []);
  const user = await q.selectOrInsertLinkedUser(platform.id, payload.sub, payload.name);
  let courseId = await q.selectContextCourse(platform.id, context.id);
  if (!courseId) {
    if (role !== 'instructor') throw new Refusal('forbidden', 'This LMS course is not connected to Tensorgrade yet: your instructor opens the activity once first.');
    courseId = await q.insertCourseForContext(context.title ?? context.label ?? '', context.label ?? '', user.id);
  }
  const ags = payload['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint'];
  const nrps = payload['https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice'];
  await q.upsertContext({ platformId: platform.id, contextId: context.id, courseId, title: context.title ?? '', membershipsUrl: nrps?.context_memberships_url, lineItemsUrl: ags?.lineitems });
  await q.upsertEnrollment(courseId, user.id, role);

  // The item: custom parameter item_id (set by deep linking or by hand), kept with the link once known.
  const requestedItemId = payload['https://purl.imsglobal.org/spec/lti/claim/custom']?.item_id;
  const requested = requestedItemId && z.uuid().safeParse(requestedItemId).success ? await q.selectItemInCourse(requestedItemId, courseId) : null;
  if (requestedItemId && !requested) return refuse('This activity points to an item that is not in the connected course.', `Resource link ${resourceLink.id} names an item outside the course.`);
  const link = await q.upsertResourceLink({
    platformId: platform.id,
    deploymentId: payload['https://purl.imsglobal.org/spec/lti/claim/deployment_id'],
    resourceLinkId: resourceLink.id,
    courseId,
    itemId: requested?.itemId ?? null,
    lineItemUrl: ags?.lineitem ?? null,
  });
  const item = link.itemId ? await q.selectItemInCourse(link.itemId, courseId) : null;
  await q.notePlatformLaunch(platform.id);
  const redirectTo = !item ? `/courses/${courseId}` : item.kind === 'quiz' ? `/courses/${courseId}/quizzes/${item.itemId}` : `/courses/${courseId}/items/${item.itemId}`;
  return { userId: user.id, sessionVersion: user.sessionVersion, courseId, role, redirectTo };
}
