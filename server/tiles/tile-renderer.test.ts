import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packTile, preparedStatementName, tileQueryConfig } from './tile-renderer.ts';

describe('packTile', () => {
  it.each([[200], [100_000]])('gzips %i bytes into a buffer of exactly its own size, with a strong ETag of the content', async (size) => {
    const mvt = Buffer.from(Array.from({ length: size }, (_, index) => (index * 7919) % 251));
    const tile = await packTile(mvt);
    expect(gunzipSync(tile.gzipped).equals(mvt)).toBe(true);
    expect(tile.gzipped.buffer.byteLength).toBe(tile.gzipped.length);
    expect(tile.size).toBe(size);
    expect(tile.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect((await packTile(Buffer.from(mvt))).etag).toBe(tile.etag);
  });

  it('keeps an empty tile empty (served as 204)', async () => {
    expect(await packTile(Buffer.alloc(0))).toMatchObject({ size: 0, gzipped: Buffer.alloc(0) });
  });
});

describe('tileQueryConfig', () => {
  it('names prepared statements after their text, the same in every process', () => {
    const query = { text: 'SELECT $1::integer', values: [1] };
    expect(tileQueryConfig(query, true)).toEqual({ ...query, name: preparedStatementName(query.text) });
    expect(preparedStatementName(query.text)).toBe(preparedStatementName('SELECT $1::integer'));
    expect(preparedStatementName(query.text)).not.toBe(preparedStatementName('SELECT $1::bigint'));
    expect(tileQueryConfig(query, false)).toEqual(query);
  });
});
