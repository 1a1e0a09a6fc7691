import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-delay.ts';

describe('retry delay', () => {
  const policy = { baseMs: 1_000, capMs: 60_000 };

  it.each([
    [1, 0, 500], [1, 1, 1_000], [2, 0, 1_000], [2, 1, 2_000], [3, 0.5, 3_000], [6, 1, 32_000], [7, 1, 60_000], [7, 0, 30_000], [1000, 1, 60_000],
  ])('after %i failed attempt(s), with random %d: %i ms', (attempts, random, expected) => {
    expect(retryDelayMs(attempts, policy, () => random)).toBe(expected);
  });

  it('grows, stays within [nominal/2, nominal] and never exceeds the cap', () => {
    let previousFloor = 0;
    for (let attempts = 1; attempts <= 60; attempts += 1) {
      const nominal = Math.min(DEFAULT_RETRY_POLICY.capMs, DEFAULT_RETRY_POLICY.baseMs * 2 ** (attempts - 1));
      const delay = retryDelayMs(attempts);
      expect(delay).toBeGreaterThanOrEqual(nominal / 2);
      expect(delay).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.capMs);
      expect(nominal / 2).toBeGreaterThanOrEqual(previousFloor);
      previousFloor = nominal / 2;
    }
  });

  it('spreads deliveries that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(5, policy)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
