import { createHash, randomBytes } from 'node:crypto';
import { LTITool } from '@lti-tool/core';
import { getEnv } from '../../env';
import { signingKeyPair } from './keys';
import { drizzleLtiStorage } from './storage';

/** How long a login's state and nonce stay valid: the platform answers a login within seconds. */
export const LOGIN_TTL_SECONDS = 300;

const holder = globalThis as unknown as { __tensorgradeLti?: { kid: string; tool: LTITool }; __tensorgradeLtiStateSecret?: Uint8Array };

/**
 * The state JWT's HMAC key, derived from AUTH_SECRET so every web server of a deployment accepts the
 * state another one issued. Without AUTH_SECRET (development, tests: one process) a random one per process.
 */
function stateSecret(): Uint8Array {
  const secret = getEnv().AUTH_SECRET;
  if (secret) return createHash('sha256').update(`tensorgrade-lti-state\0${secret}`).digest();
  holder.__tensorgradeLtiStateSecret ??= randomBytes(32);
  return holder.__tensorgradeLtiStateSecret;
}

/** The library, built around the current signing key (a rotation builds a new one). */
export async function ltiTool(): Promise<LTITool> {
  const { kid, keyPair } = await signingKeyPair();
  if (holder.__tensorgradeLti?.kid !== kid) {
    holder.__tensorgradeLti = {
      kid,
      tool: new LTITool({
        stateSecret: stateSecret(),
        keyPair,
        storage: drizzleLtiStorage,
        security: { keyId: kid, stateExpirationSeconds: LOGIN_TTL_SECONDS, nonceExpirationSeconds: LOGIN_TTL_SECONDS },
      }),
    };
  }
  return holder.__tensorgradeLti.tool;
}
