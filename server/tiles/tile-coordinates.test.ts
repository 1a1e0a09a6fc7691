import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import { parseTileCoordinates, tileForLonLat, tileUnitMetres } from './tile-coordinates.ts';

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
