import { describe, expect, it } from 'vitest';
import { distanceMetres, pathLengthMetres } from './geodesy.ts';

describe('pathLengthMetres', () => {
  it('measures along the Earth: Place Mohammed V to Casa-Voyageurs is about 2.6 km as the crow flies', () => {
    const length = pathLengthMetres([
      [-7.6186, 33.5928],
      [-7.5906, 33.5897],
    ]);
    expect(length).toBeGreaterThan(2_550);
    expect(length).toBeLessThan(2_650);
  });

  it('adds the segments of a path, and measures nothing for fewer than two points', () => {
    const a = [-7.62, 33.59];
    const b = [-7.61, 33.59];
    const c = [-7.61, 33.6];
    expect(pathLengthMetres([a, b, c])).toBeCloseTo(pathLengthMetres([a, b]) + pathLengthMetres([b, c]), 6);
    expect(pathLengthMetres([a])).toBe(0);
    expect(pathLengthMetres([])).toBe(0);
  });
});

describe('distanceMetres', () => {
  it('measures a degree of latitude as about 111 km, and nothing between a place and itself', () => {
    expect(distanceMetres([-7.6, 33], [-7.6, 34])).toBeCloseTo(111_195, -2);
    expect(distanceMetres([-7.6, 33.5], [-7.6, 33.5])).toBe(0);
  });
});
