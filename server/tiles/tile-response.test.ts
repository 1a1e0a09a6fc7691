import { describe, expect, it } from 'vitest';
import { PUBLIC_PRINCIPAL, type UserPrincipal } from '../auth/principal.ts';
import { PUBLIC_CORS_HEADERS } from '../http/public-cors.ts';
import { decideTileResponse } from './tile-response.ts';

const policy = { publicMaxAgeSeconds: 30, publicStaleSeconds: 300 };
const tile = { gzipped: Buffer.from('gzipped-mvt'), size: 42, etag: '"abc"' };
const empty = { gzipped: Buffer.alloc(0), size: 0, etag: '"empty"' };
const planner: UserPrincipal = { kind: 'user', role: 'planner', userId: 1, username: 'p', sessionId: 1, areaIds: [] };
const headers = (pairs: string[]) => Object.fromEntries(pairs.flatMap((value, index) => (index % 2 === 0 ? [[value, pairs[index + 1]]] : [])));

describe('decideTileResponse', () => {
  it('answers 200 with the gzipped MVT and every tile header (CORS included) to a public client that accepts gzip', () => {
    const answer = decideTileResponse(tile, 'hit', { principal: PUBLIC_PRINCIPAL, ifNoneMatch: undefined, acceptsGzip: true }, policy);
    expect(answer).toMatchObject({ status: 200, gzipped: tile.gzipped, encoding: 'gzip' });
    expect(headers(answer.headers)).toEqual({
      ETag: '"abc"', 'Cache-Control': 'public, max-age=30, stale-while-revalidate=300', 'Cache-Status': 'casa-sig; hit',
      Vary: 'Accept-Encoding, Authorization, Cookie', 'Content-Type': 'application/vnd.mapbox-vector-tile', 'Content-Encoding': 'gzip', 'Content-Length': '11',
      ...PUBLIC_CORS_HEADERS,
    });
    expect(headers(answer.headers)['Access-Control-Allow-Origin']).toBe('*');
  });

  it('answers 304 to a matching If-None-Match (weak or in a list) and 204 for an empty tile, without a body', () => {
    for (const ifNoneMatch of ['"abc"', 'W/"abc"', '"x", "abc"', '*']) {
      expect(decideTileResponse(tile, 'stored', { principal: PUBLIC_PRINCIPAL, ifNoneMatch, acceptsGzip: true }, policy)).toMatchObject({ status: 304, gzipped: undefined });
    }
    const emptyAnswer = decideTileResponse(empty, 'stored', { principal: PUBLIC_PRINCIPAL, ifNoneMatch: '"abc"', acceptsGzip: true }, policy);
    expect(emptyAnswer).toMatchObject({ status: 204, gzipped: undefined });
    expect(headers(emptyAnswer.headers)['Cache-Status']).toBe('casa-sig; fwd=miss; stored');
  });

  it('keeps staff tiles private, unreadable from other origins, and sends the body unpacked to a client without gzip', () => {
    const answer = decideTileResponse(tile, 'collapsed', { principal: planner, ifNoneMatch: undefined, acceptsGzip: false }, policy);
    expect(answer).toMatchObject({ status: 200, encoding: 'identity' });
    expect(headers(answer.headers)).toMatchObject({ 'Cache-Control': 'private, no-cache', 'Cache-Status': 'casa-sig; fwd=miss; collapsed' });
    expect(headers(answer.headers)['Content-Encoding']).toBeUndefined();
    expect(headers(answer.headers)['Access-Control-Allow-Origin']).toBeUndefined();
  });
});
