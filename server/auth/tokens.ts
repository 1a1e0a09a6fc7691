import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer credentials. A session token is `cst_` + 32 random bytes; an API key is `csk_<prefix>_<secret>`
 * where the 8-character prefix is public (shown in lists, used to find the row) and the secret is 32
 * random bytes. Only SHA-256 digests are stored: with 256 bits of entropy a slow hash adds nothing.
 */
export const SESSION_TOKEN_PREFIX = 'cst_';
export const API_KEY_PREFIX = 'csk_';

const SESSION_TOKEN_PATTERN = /^cst_[A-Za-z0-9_-]{43}$/;
const API_KEY_PATTERN = /^csk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export function generateSessionToken(): { token: string; hash: Buffer } {
  const token = `${SESSION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: sha256(token) };
}

export function generateApiKey(): { key: string; prefix: string; secretHash: Buffer } {
  const prefix = Array.from(randomBytes(8), (byte) => PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length]).join('');
  const secret = randomBytes(32).toString('base64url');
  return { key: `${API_KEY_PREFIX}${prefix}_${secret}`, prefix, secretHash: sha256(secret) };
}

export type ParsedCredential =
  | { kind: 'session'; hash: Buffer }
  | { kind: 'api_key'; prefix: string; secretHash: Buffer }
  | { kind: 'malformed' };

/** Recognises a bearer credential by its shape, without touching the database. */
export function parseCredential(credential: string): ParsedCredential {
  if (SESSION_TOKEN_PATTERN.test(credential)) return { kind: 'session', hash: sha256(credential) };
  const key = API_KEY_PATTERN.exec(credential);
  if (key) return { kind: 'api_key', prefix: key[1]!, secretHash: sha256(key[2]!) };
  return { kind: 'malformed' };
}

export function digestsEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
