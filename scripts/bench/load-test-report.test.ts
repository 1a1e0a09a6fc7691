import { describe, expect, it } from 'vitest';
import { formatLoadTest, type LoadTestResult, loadTargets, summarisePhase } from './load-test-report.ts';
import type { MixResult } from './mix-client.ts';

/** Four requests in one second: a tile served, an item served, a query shed with Retry-After, a search that failed. */
const RECORDS: MixResult = {
  kinds: [0, 1, 2, 3], statuses: [200, 200, 503, 500], latenciesMs: [2, 8, 1, 30], retryAfter: [0, 0, 1, 0], unsent: 3, elapsedMs: 1_000,
};

describe('summarisePhase', () => {
  it('counts the admitted, the shed and the failed, with quantiles of the admitted only', () => {
    const phase = summarisePhase('overload', 'open, 4/s', RECORDS, 200 * 1024 * 1024);
    expect(phase).toMatchObject({
      sentPerSecond: 4, admittedPerSecond: 2, shedShare: 0.25, limitedShare: 0, errorShare: 0.25, shedWithoutRetryAfter: 0, unsent: 3,
      admittedP50Ms: 2, admittedP95Ms: 8, shedP95Ms: 1,
    });
    expect(phase.byKind.map((row) => [row.kind, row.sent, row.admitted, row.shed])).toEqual([
      ['tile', 1, 1, 0], ['item', 1, 1, 0], ['query', 1, 0, 1], ['search', 1, 0, 0], ['edit', 0, 0, 0],
    ]);
  });

  it('notices a 503 without Retry-After', () => {
    expect(summarisePhase('overload', 'open', { ...RECORDS, retryAfter: [0, 0, 0, 0] }, 0).shedWithoutRetryAfter).toBe(1);
  });
});

describe('loadTargets', () => {
  const phase = (name: string, admittedPerSecond: number, shedShare: number, errorShare = 0) => ({
    ...summarisePhase(name, 'x', RECORDS, 100 * 1024 * 1024), admittedPerSecond, shedShare, errorShare, limitedShare: 0, shedWithoutRetryAfter: 0,
  });
  const result = (overload: ReturnType<typeof phase>): LoadTestResult => ({
    phaseSeconds: 1, citizens: 10, mix: { tile: 100 }, rssAtStartBytes: 50 * 1024 * 1024,
    phases: [phase('capacity', 100, 0), phase('nominal', 50, 0), overload],
  });

  it('is met when the overload is shed with 503s while the server keeps serving', () => {
    expect(loadTargets(result(phase('overload', 90, 0.4))).every((target) => target.isMet)).toBe(true);
  });

  it('fails when nothing is shed, when errors appear or when serving collapses', () => {
    const failed = (overload: ReturnType<typeof phase>) => loadTargets(result(overload)).filter((target) => !target.isMet).map((target) => target.name);
    expect(failed(phase('overload', 90, 0))).toEqual(['load: overload shed with 503']);
    expect(failed(phase('overload', 90, 0.4, 0.1))).toEqual(['load: overload errors other than 503/429']);
    expect(failed(phase('overload', 20, 0.4))).toEqual(['load: served under overload / capacity']);
  });

  it('prints a row per phase and the overload per kind', () => {
    const text = formatLoadTest(result(phase('overload', 90, 0.4)));
    expect(text).toContain('| overload | x |');
    expect(text).toContain('| query | 1 | 0 | 1 |');
    expect(text).toContain('served under overload / capacity 0.90x');
  });
});
