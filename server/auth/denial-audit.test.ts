import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Denial, DenialAudit, type DenialRow, sourceNetwork } from './denial-audit.ts';

const denial = (overrides: Partial<Denial> = {}): Denial => ({
  principal: 'public', address: '192.0.2.7', status: 401, type: 'invalid-credentials', method: 'GET', path: '/api/auth/me', ...overrides,
});

function audit(maxRowsPerSecond = 1000) {
  const rows: DenialRow[] = [];
  const errors: unknown[] = [];
  const denials = new DenialAudit({
    windowSeconds: 60,
    maxRowsPerSecond,
    write: async (row) => void rows.push(row),
    onError: (error) => errors.push(error),
  });
  return { rows, errors, denials };
}

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('DenialAudit', () => {
  it('writes the first denial of a source at once and the rest of its window as one summary with the paths tried', async () => {
    const { rows, denials } = audit();
    await denials.record(denial());
    expect(rows).toEqual([{ principal: 'public', address: '192.0.2.7', detail: { status: 401, type: 'invalid-credentials', method: 'GET', path: '/api/auth/me' } }]);
    for (let second = 1; second < 60; second += 1) {
      await vi.advanceTimersByTimeAsync(1000);
      await denials.record(denial({ path: `/api/admin/probe-${second % 3}` }));
    }
    expect(rows).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      principal: 'public', address: '192.0.2.7',
      detail: { status: 401, type: 'invalid-credentials', repeated: 59, windowSeconds: 60, paths: ['GET /api/admin/probe-1', 'GET /api/admin/probe-2', 'GET /api/admin/probe-0'] },
    });
    // The next window starts afresh.
    await denials.record(denial());
    expect(rows).toHaveLength(3);
    expect(rows[2]!.detail).toMatchObject({ path: '/api/auth/me' });
  });

  it('writes no summary for a window with a single denial', async () => {
    const { rows, denials } = audit();
    await denials.record(denial());
    await vi.advanceTimersByTimeAsync(120_000);
    await denials.record(denial());
    expect(rows.map((row) => row.detail.repeated)).toEqual([undefined, undefined]);
  });

  it('keeps sources apart by principal, network, status and problem type', async () => {
    const { rows, denials } = audit();
    for (const overrides of [{}, { address: '192.0.2.8' }, { principal: 'user:amina' }, { status: 403 }, { type: 'forbidden' }, { address: undefined }]) {
      await denials.record(denial(overrides));
    }
    expect(rows).toHaveLength(6);
    await denials.record(denial({ address: '192.0.2.8', path: '/elsewhere' }));
    expect(rows).toHaveLength(6);
  });

  it('groups IPv6 sources by /64, so rotating addresses within one network buys no rows', async () => {
    const { rows, denials } = audit();
    for (let host = 1; host <= 50; host += 1) await denials.record(denial({ address: `2001:db8:0:42::${host.toString(16)}` }));
    expect(rows).toHaveLength(1);
  });

  it('caps rows per second over all sources and sums the excess into one row', async () => {
    const { rows, denials } = audit(5);
    for (let host = 1; host <= 30; host += 1) await denials.record(denial({ address: `198.51.100.${host}` }));
    expect(rows).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1000);
    expect(rows).toHaveLength(6);
    expect(rows[5]).toMatchObject({ principal: 'many', detail: { repeated: 25 } });
  });

  it('remembers a bounded number of sources, summarising the oldest when it forgets it', async () => {
    const { rows, denials } = audit(1_000_000);
    await denials.record(denial({ address: 'first' }));
    await denials.record(denial({ address: 'first', path: '/again' }));
    for (let index = 0; index < 10_000; index += 1) await denials.record(denial({ address: `10.0.${index >> 8}.${index & 255}` }));
    expect(rows.find((row) => row.address === 'first' && row.detail.repeated === 1)).toMatchObject({ detail: { paths: ['GET /again'] } });
  });

  it('reports a failed summary write instead of throwing it', async () => {
    const errors: unknown[] = [];
    const denials = new DenialAudit({ windowSeconds: 60, write: async () => Promise.reject(new Error('database down')), onError: (error) => errors.push(error) });
    await expect(denials.record(denial())).rejects.toThrow('database down');
    await denials.record(denial());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(errors).toEqual([new Error('database down')]);
  });
});

describe('sourceNetwork', () => {
  it('keys IPv4 by address and IPv6 by /64, whatever the notation', () => {
    expect(sourceNetwork('192.0.2.7')).toBe('192.0.2.7');
    expect(sourceNetwork('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(sourceNetwork('2001:db8:0:42::1')).toBe('2001:db8:0:42::/64');
    expect(sourceNetwork('2001:0db8:0000:0042:abcd:0:0:9')).toBe('2001:db8:0:42::/64');
    expect(sourceNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceNetwork('::1')).toBe('0:0:0:0::/64');
    expect(sourceNetwork(undefined)).toBe('');
  });
});
