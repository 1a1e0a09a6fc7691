import { describe, expect, it } from 'vitest';
import { TileRevisions, tileBounds } from './tile-revisions.ts';

const ORIGIN = 'http://casa.example';
/** The z16 tile holding the Twin Center (-7.6325, 33.5873), and its neighbour to the east. */
const TILE = { z: 16, x: 31378, y: 26269 };
const url = (z: number, x: number, y: number, query = '') => `${ORIGIN}/tiles/road_segments/${z}/${x}/${y}.mvt${query}`;

describe('tileBounds', () => {
  it('gives the degrees a tile covers', () => {
    const [west, south, east, north] = tileBounds(TILE.z, TILE.x, TILE.y);
    expect(west).toBeLessThan(-7.6325);
    expect(east).toBeGreaterThan(-7.6325);
    expect(south).toBeLessThan(33.5873);
    expect(north).toBeGreaterThan(33.5873);
    expect(east - west).toBeCloseTo(360 / 2 ** 16, 10);
  });
});

describe('TileRevisions', () => {
  it('leaves every URL alone until something changes', () => {
    const revisions = new TileRevisions();
    expect(revisions.versionedUrl(url(16, TILE.x, TILE.y, '?view=2'))).toBe(url(16, TILE.x, TILE.y, '?view=2'));
  });

  it('gives the tiles of a changed place, at every zoom, a new revision, and no other tile', () => {
    const revisions = new TileRevisions();
    revisions.noteChange('road_segments', [[-7.6326, 33.5872, -7.6324, 33.5874]]);
    expect(revisions.versionedUrl(url(16, TILE.x, TILE.y, '?view=2'))).toBe(url(16, TILE.x, TILE.y, '?view=2&rev=1'));
    expect(revisions.versionedUrl(url(14, Math.floor(TILE.x / 4), Math.floor(TILE.y / 4)))).toBe(url(14, Math.floor(TILE.x / 4), Math.floor(TILE.y / 4), '?rev=1'));
    expect(revisions.versionedUrl(url(16, TILE.x + 3, TILE.y))).toBe(url(16, TILE.x + 3, TILE.y));
    expect(revisions.versionedUrl(`${ORIGIN}/tiles/permits/16/${TILE.x}/${TILE.y}.mvt`)).toBe(`${ORIGIN}/tiles/permits/16/${TILE.x}/${TILE.y}.mvt`);
    expect(revisions.versionedUrl(`${ORIGIN}/api/layers`)).toBe(`${ORIGIN}/api/layers`);
  });

  it('counts a place just past a tile’s edge as the tile’s (tiles carry geometry beyond their edge)', () => {
    const revisions = new TileRevisions();
    const [, , east] = tileBounds(TILE.z, TILE.x, TILE.y);
    const width = 360 / 2 ** 16;
    revisions.noteChange('road_segments', [[east + width * 0.05, 33.5873, east + width * 0.06, 33.5873]]);
    expect(revisions.revisionOf('road_segments', TILE.z, TILE.x, TILE.y)).toBe(1);
    expect(revisions.revisionOf('road_segments', TILE.z, TILE.x - 1, TILE.y)).toBe(0);
  });

  it('keeps the newest revision of a tile changed twice, and renews everything after a reset', () => {
    const revisions = new TileRevisions();
    revisions.noteChange('road_segments', [[-7.6326, 33.5872, -7.6324, 33.5874]]);
    revisions.noteChange('road_segments', [[-7.6326, 33.5872, -7.6325, 33.5873]]);
    expect(revisions.revisionOf('road_segments', TILE.z, TILE.x, TILE.y)).toBe(2);
    revisions.noteEverything();
    expect(revisions.revisionOf('permits', 10, 490, 409)).toBe(3);
  });

  it('forgets places past its memory but still renews the layers they named', () => {
    const revisions = new TileRevisions();
    for (let index = 0; index < 2001; index += 1) revisions.noteChange('road_segments', [[-7.6326, 33.5872, -7.6324, 33.5874]]);
    expect(revisions.revisionOf('road_segments', 12, 1961, 1641)).toBe(2001);
    expect(revisions.revisionOf('permits', 12, 1961, 1641)).toBe(0);
  });
});
