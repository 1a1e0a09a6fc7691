import { describe, expect, it } from 'vitest';
import { type Denial, DenialAudit } from './denial-audit.ts';

const denial = (overrides: Partial<Denial> = {}): Denial => ({
  principal: 'public', address: '192.0.2.7', status: 401, type: 'invalid-credentials', method: 'GET', path: '/api/auth/me', ...overrides,
});

function auditAt(start = 0) {
  const clock = { now: start };
  return { clock, audit: new DenialAudit({ windowSeconds: 60, now: () => clock.now }) };
}

describe('DenialAudit', () => {
  it('writes the first denial of a source per window and counts the others onto its next row', () => {
    const { clock, audit } = auditAt();
    expect(audit.admit(denial())).toEqual({ isWritten: true, unrecordedBefore: 0 });
    for (let second = 1; second < 60; second += 1) {
      clock.now = second * 1000;
      expect(audit.admit(denial({ path: `/probe/${second}` })).isWritten).toBe(false);
    }
    clock.now = 60_000;
    expect(audit.admit(denial())).toEqual({ isWritten: true, unrecordedBefore: 59 });
    clock.now = 200_000;
    expect(audit.admit(denial())).toEqual({ isWritten: true, unrecordedBefore: 0 });
  });

  it('keeps sources apart: another address, principal, status or problem type is written at once', () => {
    const { audit } = auditAt();
    expect(audit.admit(denial()).isWritten).toBe(true);
    expect(audit.admit(denial({ address: '192.0.2.8' })).isWritten).toBe(true);
    expect(audit.admit(denial({ principal: 'user:amina' })).isWritten).toBe(true);
    expect(audit.admit(denial({ status: 403 })).isWritten).toBe(true);
    expect(audit.admit(denial({ type: 'forbidden' })).isWritten).toBe(true);
    expect(audit.admit(denial({ address: undefined })).isWritten).toBe(true);
    expect(audit.admit(denial({ address: '192.0.2.8' })).isWritten).toBe(false);
  });

  it('remembers a bounded number of sources, forgetting the oldest first', () => {
    const { audit } = auditAt();
    expect(audit.admit(denial({ address: 'first' })).isWritten).toBe(true);
    for (let index = 0; index < 10_000; index += 1) audit.admit(denial({ address: `10.0.${index >> 8}.${index & 255}` }));
    // The first source was forgotten, so its next denial is written again (its window had not ended).
    expect(audit.admit(denial({ address: 'first' })).isWritten).toBe(true);
    // The newest is still remembered.
    expect(audit.admit(denial({ address: '10.0.39.15' })).isWritten).toBe(false);
  });
});
