import { AppError } from './errors.ts';

export interface RateLimitSettings {
  /** Tokens a source earns per minute; 0 turns the limit off. */
  perMinute: number;
  /** Tokens a source may save up: how many requests it may make at once after a pause. */
  burst: number;
  /** Sources remembered at most; past it the oldest is forgotten (and starts again with a full bucket). */
  maxSources?: number;
}

/** Refused for now: the source has spent its budget; Retry-After says when it has earned enough again. */
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(429, 'rate-limited', 'Too many requests', 'Too many queries from this caller; retry after Retry-After seconds', {}, { 'Retry-After': String(retryAfterSeconds) });
  }
}

/**
 * A token bucket per source (API key, account, network): each request costs tokens (an expensive query
 * more than a cheap one), tokens come back at a steady rate up to the burst. In memory, per process, with
 * a bounded number of sources.
 */
export class SourceRateLimiter {
  readonly #settings: Required<RateLimitSettings>;
  readonly #buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(settings: RateLimitSettings) {
    this.#settings = { maxSources: 10_000, ...settings };
  }

  /** Takes `cost` tokens from the source, or throws RateLimitedError when it has not got them. */
  take(source: string, cost = 1, now = Date.now()): void {
    const { perMinute, burst, maxSources } = this.#settings;
    if (perMinute <= 0) return;
    const perMillisecond = perMinute / 60_000;
    const known = this.#buckets.get(source);
    const tokens = known ? Math.min(burst, known.tokens + (now - known.updatedAt) * perMillisecond) : burst;
    if (tokens < cost) {
      this.#buckets.set(source, { tokens, updatedAt: now });
      throw new RateLimitedError(Math.max(1, Math.ceil((cost - tokens) / perMillisecond / 1000)));
    }
    this.#buckets.delete(source);
    this.#buckets.set(source, { tokens: tokens - cost, updatedAt: now });
    if (this.#buckets.size > maxSources) this.#buckets.delete(this.#buckets.keys().next().value!);
  }
}
