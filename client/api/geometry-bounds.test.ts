import { describe, expect, it } from 'vitest';
import { geometryBounds } from './geometry-bounds.ts';

describe('geometryBounds', () => {
  it('bounds points, lines and polygons', () => {
    expect(geometryBounds({ type: 'Point', coordinates: [-7.6, 33.5] })).toEqual([-7.6, 33.5, -7.6, 33.5]);
    expect(geometryBounds({ type: 'LineString', coordinates: [[-7.6, 33.5], [-7.5, 33.6]] })).toEqual([-7.6, 33.5, -7.5, 33.6]);
    expect(
      geometryBounds({ type: 'MultiPolygon', coordinates: [[[[-7.7, 33.5], [-7.6, 33.5], [-7.6, 33.7], [-7.7, 33.5]]], [[[-7.4, 33.4], [-7.3, 33.4], [-7.3, 33.45], [-7.4, 33.4]]]] }),
    ).toEqual([-7.7, 33.4, -7.3, 33.7]);
  });

  it('has no bounds for an empty geometry', () => {
    expect(geometryBounds({ type: 'MultiPoint', coordinates: [] })).toBeNull();
  });
});
