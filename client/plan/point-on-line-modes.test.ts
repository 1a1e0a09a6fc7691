import { describe, expect, it } from 'vitest';
import { splitPointNear } from './point-on-line-modes.ts';

const line = [[-7.6, 33.5], [-7.599, 33.5], [-7.598, 33.501]];

describe('splitPointNear', () => {
  it('picks a vertex within reach, else the nearest point of an edge, else nothing', () => {
    expect(splitPointNear([-7.59901, 33.50001], line, 17, 10)).toEqual({ kind: 'vertex', index: 1 });
    const edge = splitPointNear([-7.5995, 33.50001], line, 17, 10);
    expect(edge).toMatchObject({ kind: 'edge', segmentIndex: 0 });
    expect(edge?.kind === 'edge' && edge.position[1]).toBeCloseTo(33.5, 9);
    // 0.0005° north is about 55 m: over 100 pixels at zoom 17.
    expect(splitPointNear([-7.5995, 33.5005], line, 17, 10)).toBeNull();
  });
});
