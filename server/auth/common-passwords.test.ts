import { describe, expect, it } from 'vitest';
import { assertPasswordAcceptable } from './accounts.ts';
import { isCommonPassword } from './common-passwords.ts';

describe('isCommonPassword', () => {
  it.each(['1234567890', 'qwertyuiop', 'Password123', 'azertyuiop', 'Casablanca2024!', '  soleil!!  ', 'IloveYou'])('finds %j', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['correct horse battery staple', 'casa-planner-demo', 'خريطة-المدينة-2026', 'vQ7#t2!pLm'])('lets %j through', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});

describe('assertPasswordAcceptable', () => {
  it('refuses a short or a common password with a weak-password 400', () => {
    for (const password of ['short', 'qwertyuiop123']) {
      expect(() => assertPasswordAcceptable(password)).toThrow(expect.objectContaining({ status: 400, type: 'weak-password' }));
    }
    expect(() => assertPasswordAcceptable('un mot de passe solide')).not.toThrow();
  });
});
