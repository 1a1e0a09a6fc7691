import { describe, expect, it } from 'vitest';
import { bboxOfGeometries } from './geometry-bbox.ts';

describe('bboxOfGeometries', () => {
  it('spans points, lines and polygons together', () => {
    expect(
      bboxOfGeometries([
        { type: 'Point', coordinates: [-7.6, 33.6] },
        { type: 'LineString', coordinates: [[-7.7, 33.55], [-7.65, 33.58]] },
        { type: 'MultiPolygon', coordinates: [[[[-7.5, 33.5], [-7.49, 33.5], [-7.49, 33.51], [-7.5, 33.5]]]] },
      ]),
    ).toEqual([-7.7, 33.5, -7.49, 33.6]);
  });

  it('is null for nothing', () => {
    expect(bboxOfGeometries([])).toBeNull();
    expect(bboxOfGeometries([{ type: 'GeometryCollection', geometries: [] }])).toBeNull();
  });
});
