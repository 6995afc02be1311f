import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { ALGORITHM } from './claims.ts';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface JsonWebKeySet {
  keys: JWK[];
}

/** A fresh ES256 key pair with a random key id. */
export async function generateSigningKey(kid: string = randomUUID()): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
  return { kid, privateKey, publicJwk };
}

/** Loads a key from a private JWK (e.g. AUTH_SIGNING_JWK in the environment). */
export async function importSigningKey(privateJwk: JWK): Promise<SigningKey> {
  if (!privateJwk.kid) throw new Error('the signing JWK needs a "kid"');
  const privateKey = (await importJWK({ ...privateJwk, alg: ALGORITHM }, ALGORITHM)) as CryptoKey;
  const { d: _d, ...publicPart } = privateJwk;
  return { kid: privateJwk.kid, privateKey, publicJwk: { ...publicPart, alg: ALGORITHM, use: 'sig' } };
}

export async function exportPrivateJwk(key: SigningKey): Promise<JWK> {
  return { ...(await exportJWK(key.privateKey)), kid: key.kid, alg: ALGORITHM };
}

export function toJwks(keys: SigningKey[]): JsonWebKeySet {
  return { keys: keys.map((key) => key.publicJwk) };
}
