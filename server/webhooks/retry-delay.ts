/** How failed deliveries are spaced out, in milliseconds. */
export interface RetryPolicy {
  /** Delay after the first failed attempt (before jitter). */
  baseMs: number;
  /** No delay is ever longer than this: a target that comes back is tried again within the cap. */
  capMs: number;
}

/** 5 s, 10 s, 20 s ... up to one hour between attempts; deliveries are retried until acknowledged. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 5_000, capMs: 3_600_000 };

/**
 * Delay before the next attempt after `attempts` failed ones: exponential, capped, with "equal jitter"
 * (half fixed, half random) so that deliveries that failed together (a target that was down) do not all
 * come back at the same instant, while no retry comes sooner than half the nominal delay.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 40);
  const nominal = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(nominal / 2 + random() * (nominal / 2));
}
