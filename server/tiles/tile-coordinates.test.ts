import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import { parseTileCoordinates, tileForLonLat, tileRangeForBbox, tilesInRange, tileUnitMetres } from './tile-coordinates.ts';

describe('parseTileCoordinates', () => {
  it.each([
    [['0', '0', '0'], { z: 0, x: 0, y: 0 }],
    [['14', '7844', '6567'], { z: 14, x: 7844, y: 6567 }],
    [['22', '4194303', '4194303'], { z: 22, x: 4194303, y: 4194303 }],
  ])('accepts %j', (input, expected) => {
    expect(parseTileCoordinates(...(input as [string, string, string]))).toEqual(expected);
  });

  it.each([
    ['23', '0', '0'],
    ['-1', '0', '0'],
    ['1.5', '0', '0'],
    ['1', '2', '0'],
    ['1', '0', '2'],
    ['3', '-1', '0'],
    ['3', '0', '1e1'],
    ['03', '0', '0'],
    ['', '0', '0'],
    ['x', '0', '0'],
    ['14', '99999999999', '0'],
  ])('rejects z=%s x=%s y=%s with a 400', (z, x, y) => {
    let caught: unknown;
    try {
      parseTileCoordinates(z, x, y);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).status).toBe(400);
    expect((caught as AppError).type).toBe('invalid-tile-coordinates');
  });
});

describe('tile math', () => {
  it('finds the tile of Place Mohammed V at z14', () => {
    expect(tileForLonLat(-7.6186, 33.5928, 14)).toEqual({ z: 14, x: 7845, y: 6567 });
  });

  it('gives one tile unit in metres at z0 and halves it per zoom', () => {
    expect(tileUnitMetres(0, 4096)).toBeCloseTo(9783.94, 1);
    expect(tileUnitMetres(1, 4096)).toBeCloseTo(tileUnitMetres(0, 4096) / 2, 6);
  });
});

describe('tileRangeForBbox', () => {
  it('covers the tiles of a box, grown by the margin', () => {
    const centre = tileForLonLat(-7.6186, 33.5928, 14);
    expect(tileRangeForBbox([-7.6186, 33.5928, -7.6186, 33.5928], 14, 0)).toEqual({ z: 14, minX: centre.x, maxX: centre.x, minY: centre.y, maxY: centre.y });
    const grown = tileRangeForBbox([-7.6186, 33.5928, -7.6186, 33.5928], 14, 1);
    expect(grown).toEqual({ z: 14, minX: centre.x - 1, maxX: centre.x + 1, minY: centre.y - 1, maxY: centre.y + 1 });
  });

  it('puts north at the lowest row and stays inside the world', () => {
    expect(tileRangeForBbox([-180, -89, 180, 89], 2, 0.5)).toEqual({ z: 2, minX: 0, maxX: 3, minY: 0, maxY: 3 });
    const city = tileRangeForBbox([-7.75, 33.49, -7.45, 33.645], 12, 0);
    expect(city.minY).toBeLessThan(city.maxY);
    expect(city.minX).toBeLessThan(city.maxX);
  });
});

describe('tilesInRange', () => {
  it('lists every tile of a range once', () => {
    expect(tilesInRange({ z: 3, minX: 2, maxX: 3, minY: 5, maxY: 6 })).toEqual([
      { z: 3, x: 2, y: 5 }, { z: 3, x: 2, y: 6 }, { z: 3, x: 3, y: 5 }, { z: 3, x: 3, y: 6 },
    ]);
  });
});
