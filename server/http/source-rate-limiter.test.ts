import { describe, expect, it } from 'vitest';
import { RateLimitedError, SourceRateLimiter } from './source-rate-limiter.ts';

describe('SourceRateLimiter', () => {
  it('lets a source spend its burst, then one request per earned token, with Retry-After until the next', () => {
    const limiter = new SourceRateLimiter({ perMinute: 60, burst: 3 });
    for (let request = 0; request < 3; request += 1) limiter.take('key:a', 1, 0);
    const refused = (() => {
      try {
        limiter.take('key:a', 1, 0);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({ status: 429, type: 'rate-limited', headers: { 'Retry-After': '1' } });
    expect(() => limiter.take('key:a', 1, 1_000)).not.toThrow();
    expect(() => limiter.take('key:a', 1, 1_000)).toThrow(RateLimitedError);
  });

  it('keeps sources apart and charges expensive requests more', () => {
    const limiter = new SourceRateLimiter({ perMinute: 60, burst: 10 });
    limiter.take('key:harvester', 10, 0);
    expect(() => limiter.take('key:harvester', 5, 0)).toThrow(expect.objectContaining({ headers: { 'Retry-After': '5' } }));
    expect(() => limiter.take('net:192.0.2.0', 5, 0)).not.toThrow();
  });

  it('does nothing when turned off, and never remembers more sources than allowed', () => {
    const off = new SourceRateLimiter({ perMinute: 0, burst: 0 });
    for (let request = 0; request < 1_000; request += 1) off.take('key:a', 100, 0);
    const bounded = new SourceRateLimiter({ perMinute: 60, burst: 1, maxSources: 2 });
    bounded.take('a', 1, 0);
    bounded.take('b', 1, 0);
    bounded.take('c', 1, 0);
    // "a" was forgotten to make room, and starts again with a full bucket.
    expect(() => bounded.take('a', 1, 0)).not.toThrow();
  });
});
