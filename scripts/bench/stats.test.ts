import { describe, expect, it } from 'vitest';
import { medianRun, quantile, summarise } from './stats.ts';

describe('bench statistics', () => {
  it('takes nearest-rank quantiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.95)).toBe(95);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarises latencies and wall-clock throughput', () => {
    const stats = summarise([4, 1, 3, 2], 2000);
    expect(stats).toEqual({ count: 4, perSecond: 2, p50: 2, p95: 4, p99: 4, max: 4, elapsedMs: 2000 });
  });

  it('keeps the repetition with the median throughput', () => {
    const runs = [10, 30, 20].map((perSecond) => ({ ...summarise([1], 1000), perSecond }));
    expect(medianRun(runs).perSecond).toBe(20);
    expect(medianRun(runs.slice(0, 2)).perSecond).toBe(10);
  });
});
