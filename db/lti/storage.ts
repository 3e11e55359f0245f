import type { LTIClient, LTIDeployment, LTIDynamicRegistrationSession, LTILaunchConfig, LTISession, LTIStorage } from '@lti-tool/core';
import * as q from '../queries/lti';

const SESSION_TTL_MS = 8 * 3600_000;

const toClient = (p: q.LtiPlatform): Omit<LTIClient, 'deployments'> => ({
  id: p.id,
  name: p.name,
  iss: p.issuer,
  clientId: p.clientId,
  authUrl: p.authUrl,
  tokenUrl: p.tokenUrl,
  jwksUrl: p.jwksUrl,
});

const toDeployment = (d: { id: string; deploymentId: string; name: string | null }): LTIDeployment => ({ id: d.id, deploymentId: d.deploymentId, name: d.name ?? undefined });

/**
 * @lti-tool/core's storage interface on our drizzle schema (PostgreSQL and PGlite alike). A client is a
 * row of lti_platforms (its `id` ours, `clientId` the platform's); a disabled platform has no launch config.
 */
export const drizzleLtiStorage: LTIStorage = {
  async listClients() {
    return (await q.selectPlatforms()).map(toClient);
  },
  async getClientById(id) {
    const platform = await q.selectPlatformById(id);
    if (!platform) return undefined;
    return { ...toClient(platform), deployments: (await q.selectDeployments(id)).map(toDeployment) };
  },
  async addClient(client) {
    return q.insertPlatform({ name: client.name, issuer: client.iss, clientId: client.clientId, authUrl: client.authUrl, tokenUrl: client.tokenUrl, jwksUrl: client.jwksUrl, deploymentIds: [] });
  },
  async updateClient(id, client) {
    await q.updatePlatform(id, { name: client.name, issuer: client.iss, clientId: client.clientId, authUrl: client.authUrl, tokenUrl: client.tokenUrl, jwksUrl: client.jwksUrl });
  },
  async deleteClient(id) {
    await q.deletePlatform(id);
  },
  async listDeployments(id) {
    return (await q.selectDeployments(id)).map(toDeployment);
  },
  async getDeployment(id, deploymentId) {
    const row = await q.selectDeployment(id, deploymentId);
    return row ? toDeployment(row) : undefined;
  },
  async addDeployment(id, deployment) {
    return q.insertDeployment(id, deployment.deploymentId, deployment.name);
  },
  async updateDeployment(id, deploymentRowId, deployment) {
    await q.updateDeployment(id, deploymentRowId, { deploymentId: deployment.deploymentId, name: deployment.name });
  },
  async deleteDeployment(id, deploymentRowId) {
    await q.deleteDeployment(id, deploymentRowId);
  },
  async getSession(sessionId) {
    return (await q.selectLibraryRecord('session', sessionId)) as LTISession | undefined;
  },
  async addSession(session) {
    await q.upsertLibraryRecord('session', session.id, session, new Date(Date.now() + SESSION_TTL_MS));
    return session.id;
  },
  async storeNonce(nonce, expiresAt) {
    await q.insertNonce(nonce, expiresAt);
  },
  async validateNonce(nonce) {
    return q.consumeNonce(nonce);
  },
  async getLaunchConfig(iss, clientId, deploymentId): Promise<LTILaunchConfig | undefined> {
    if (typeof iss !== 'string' || typeof clientId !== 'string' || typeof deploymentId !== 'string') return undefined;
    const platform = await q.selectEnabledPlatform(iss, clientId);
    if (!platform || !(await q.selectDeployment(platform.id, deploymentId))) return undefined;
    return { iss, clientId, deploymentId, authUrl: platform.authUrl, tokenUrl: platform.tokenUrl, jwksUrl: platform.jwksUrl };
  },
  async saveLaunchConfig(config) {
    // Launch configs are derived from platforms + deployments; saving one registers its deployment.
    const platform = await q.selectEnabledPlatform(config.iss, config.clientId);
    if (platform) await q.insertDeployment(platform.id, config.deploymentId);
  },
  async setRegistrationSession(sessionId, session) {
    await q.upsertLibraryRecord('registration', sessionId, session, new Date(session.expiresAt));
  },
  async getRegistrationSession(sessionId) {
    return (await q.selectLibraryRecord('registration', sessionId)) as LTIDynamicRegistrationSession | undefined;
  },
  async deleteRegistrationSession(sessionId) {
    await q.deleteLibraryRecord('registration', sessionId);
  },
};
