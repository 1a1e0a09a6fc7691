import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';
import { digestsEqual, generateApiKey, generateSessionToken, parseCredential, sha256 } from './tokens.ts';

describe('credentials', () => {
  it('recognises session tokens and API keys by shape and hashes only what is secret', () => {
    const session = generateSessionToken();
    const parsedSession = parseCredential(session.token);
    expect(parsedSession.kind).toBe('session');
    expect(parsedSession.kind === 'session' && digestsEqual(parsedSession.hash, session.hash)).toBe(true);

    const key = generateApiKey();
    expect(key.key).toMatch(/^csk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    const parsedKey = parseCredential(key.key);
    expect(parsedKey).toMatchObject({ kind: 'api_key', prefix: key.prefix });
    expect(parsedKey.kind === 'api_key' && digestsEqual(parsedKey.secretHash, key.secretHash)).toBe(true);
  });

  it.each(['', 'cst_short', 'csk_ABCDEFGH_x', `cst_${'a'.repeat(43)}x`, 'Bearer x', 'csk_abcd1234'])('calls %j malformed', (text) => {
    expect(parseCredential(text).kind).toBe('malformed');
  });

  it('compares digests in constant time and only of equal length', () => {
    expect(digestsEqual(sha256('a'), sha256('a'))).toBe(true);
    expect(digestsEqual(sha256('a'), sha256('b'))).toBe(false);
    expect(digestsEqual(sha256('a'), Buffer.alloc(3))).toBe(false);
  });
});

describe('passwords', () => {
  it('hashes with scrypt and a salt, and verifies only the right password', async () => {
    const first = await hashPassword('ceci est un mot de passe');
    const second = await hashPassword('ceci est un mot de passe');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('ceci est un mot de passe', first)).toBe(true);
    expect(await verifyPassword('ceci est un autre', first)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });

  it('treats the same text in two Unicode forms as the same password', async () => {
    const hash = await hashPassword('Aïn Sebaâ 2026');
    expect(await verifyPassword('Aïn Sebaâ 2026'.normalize('NFD'), hash)).toBe(true);
  });
});
