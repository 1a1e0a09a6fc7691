import { describe, expect, it } from 'vitest';
import { BENCH_ZOOMS, buildTileList, interleave } from './tile-list.ts';

describe('the benchmark tile list', () => {
  it('has at least 200 tiles over the city at z10, z12, z14 and z16, without duplicates', () => {
    const tiles = buildTileList();
    expect(tiles.length).toBeGreaterThanOrEqual(200);
    expect(new Set(tiles.map((tile) => tile.z))).toEqual(new Set(BENCH_ZOOMS));
    expect(new Set(tiles.map((tile) => `${tile.z}/${tile.x}/${tile.y}`)).size).toBe(tiles.length);
    expect(tiles).toContainEqual({ z: 14, x: 7845, y: 6568 });
  });

  it('is the same on every run', () => {
    expect(buildTileList()).toEqual(buildTileList());
    expect(interleave(buildTileList())).toEqual(interleave(buildTileList()));
    expect([...interleave(buildTileList())].sort((a, b) => a.z - b.z || a.x - b.x || a.y - b.y)).toEqual(
      [...buildTileList()].sort((a, b) => a.z - b.z || a.x - b.x || a.y - b.y),
    );
  });
});
