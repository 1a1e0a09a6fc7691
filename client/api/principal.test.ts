import { describe, expect, it } from 'vitest';
import { nameOf, parsePrincipal } from './principal.ts';

const inspectorBody = {
  kind: 'user',
  username: 'inspector',
  displayName: 'Inspectrice Anfa (démo)',
  role: 'inspector',
  areas: [{ id: 7, code: 'CA-ANFA', name_fr: 'Anfa', name_ar: 'أنفا' }, { nonsense: true }],
  permissions: {
    isAdministrator: false,
    layers: {
      permits: { read: true, create: true, update: true, delete: false, personal: true },
      admin_areas: { read: true, create: false, update: false, delete: false, personal: false },
      broken: 'yes',
    },
    endpoints: ['search'],
  },
};

describe('parsePrincipal', () => {
  it('reads a signed-in member of staff with areas and permissions by layer', () => {
    const principal = parsePrincipal(inspectorBody);
    expect(principal).toEqual({
      kind: 'user',
      user: {
        username: 'inspector',
        displayName: 'Inspectrice Anfa (démo)',
        role: 'inspector',
        areas: [{ id: 7, code: 'CA-ANFA', name_fr: 'Anfa', name_ar: 'أنفا' }],
        isAdministrator: false,
        layers: {
          permits: { read: true, create: true, update: true, delete: false, personal: true },
          admin_areas: { read: true, create: false, update: false, delete: false, personal: false },
        },
      },
    });
  });

  it('treats the public, and an API key, as the public', () => {
    expect(parsePrincipal({ kind: 'public', role: 'public', permissions: {} })).toEqual({ kind: 'public' });
    expect(parsePrincipal({ kind: 'api_key', module: 'tax', scopes: [] })).toEqual({ kind: 'public' });
  });

  it('rejects what is not a principal, and a user with an unknown role', () => {
    for (const wrong of [null, 'user', [], {}, { kind: 'user', username: 'x', role: 'public' }, { kind: 'user', role: 'admin' }]) {
      expect(() => parsePrincipal(wrong)).toThrow(expect.objectContaining({ type: 'invalid-response' }));
    }
  });

  it('names an account by its display name, else its username', () => {
    const principal = parsePrincipal({ ...inspectorBody, displayName: '  ' });
    if (principal.kind !== 'user') throw new Error('expected a user');
    expect(principal.user.displayName).toBeNull();
    expect(nameOf(principal.user)).toBe('inspector');
    const named = parsePrincipal(inspectorBody);
    if (named.kind !== 'user') throw new Error('expected a user');
    expect(nameOf(named.user)).toBe('Inspectrice Anfa (démo)');
  });
});
