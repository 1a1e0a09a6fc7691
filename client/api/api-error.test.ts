import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromProblem, parseRetryAfter } from './api-error.ts';
import { assertLayerCatalog } from './fetch-layer-catalog.ts';

describe('apiErrorFromProblem', () => {
  it('keeps the fields of an application/problem+json body', () => {
    const error = apiErrorFromProblem(404, {
      type: 'layer-not-found',
      title: 'Not found',
      status: 404,
      detail: 'Unknown layer',
      requestId: 'abc-123',
      issues: [{ path: 'name_fr', message: 'too long' }, { nonsense: true }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, type: 'layer-not-found', title: 'Not found', detail: 'Unknown layer', requestId: 'abc-123' });
    expect(error.issues).toEqual([{ path: 'name_fr', message: 'too long' }]);
    expect(apiErrorFromProblem(412, { type: 'precondition-failed', title: 'Precondition failed', changeIndex: 1, currentEtag: '"v4.x"' }).extensions).toEqual({ changeIndex: 1, currentEtag: '"v4.x"' });
  });

  it('falls back to the status line and the X-Request-Id header for a body that is not a problem', () => {
    const error = apiErrorFromProblem(502, '<html>Bad gateway</html>', 'req-9');
    expect(error).toMatchObject({ status: 502, type: 'http-502', title: 'HTTP 502', detail: undefined, requestId: 'req-9' });
  });
});

describe('assertLayerCatalog', () => {
  it('accepts a catalog and rejects what is not one', () => {
    const catalog = { bounds: [-7.85, 33.42, -7.35, 33.72], home: [-7.75, 33.49, -7.46, 33.64], center: [-7.6, 33.6], zoom: 11, layers: [{ id: 'a', tiles: '/t', style: {} }] };
    expect(() => assertLayerCatalog(catalog)).not.toThrow();
    for (const wrong of [null, [], { ...catalog, layers: 'x' }, { ...catalog, bounds: [1, 2] }, { ...catalog, home: undefined }, { ...catalog, layers: [{ id: 1 }] }]) {
      expect(() => assertLayerCatalog(wrong)).toThrow(expect.objectContaining({ type: 'invalid-response' }));
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 10, 12, 0, 0);

  it('reads delay-seconds and HTTP dates, never below zero', () => {
    expect(parseRetryAfter('900', now)).toBe(900);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sat, 10 Jan 2026 12:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Sat, 10 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    for (const header of [undefined, null, '', 'soon', '-5']) expect(parseRetryAfter(header, now)).toBeUndefined();
  });

  it('is kept on the ApiError of a 429', () => {
    expect(apiErrorFromProblem(429, { type: 'too-many-login-attempts', title: 'Too many requests' }, null, '60').retryAfterSeconds).toBe(60);
    expect(apiErrorFromProblem(404, {}).retryAfterSeconds).toBeUndefined();
  });
});
