import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { insertToolKey, selectPublishedToolKeys, selectSigningToolKey } from '../queries/lti';

/**
 * The tool's RSA key pair: generated into the database on first use, never in the repository. Rotation
 * (`rotateToolKey`) publishes the new key in the JWKS at once but lets it sign only a day later, so platforms
 * that cache our JWKS have fetched it before they see a signature by it.
 */
export async function signingKeyPair(): Promise<{ kid: string; keyPair: CryptoKeyPair }> {
  let key = await selectSigningToolKey();
  if (!key) {
    await insertNewKey(new Date());
    key = (await selectSigningToolKey())!;
  }
  const [privateKey, publicKey] = await Promise.all([importJWK(key.privateJwk, 'RS256'), importJWK(key.publicJwk, 'RS256')]);
  return { kid: key.kid, keyPair: { privateKey: privateKey as CryptoKey, publicKey: publicKey as CryptoKey } };
}

/** The JWKS the platforms verify our signatures with (public halves only). */
export async function publishedJwks(): Promise<{ keys: JWK[] }> {
  if ((await selectPublishedToolKeys()).length === 0) await signingKeyPair();
  const keys = await selectPublishedToolKeys();
  return { keys: keys.map((key) => ({ ...publicOnly(key.publicJwk), kid: key.kid, alg: 'RS256', use: 'sig' })) };
}

export async function rotateToolKey(signsInMs = 24 * 3600_000): Promise<string> {
  return insertNewKey(new Date(Date.now() + signsInMs));
}

async function insertNewKey(signsFrom: Date): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const kid = randomUUID();
  await insertToolKey({ kid, publicJwk: await exportJWK(publicKey), privateJwk: await exportJWK(privateKey), signsFrom });
  return kid;
}

function publicOnly(jwk: JWK): JWK {
  return { kty: jwk.kty, n: jwk.n, e: jwk.e };
}
