import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { interpolate, nearestOnSegment, type SnapTarget, snapToLines, worldPixels } from './snap-to-lines.ts';

/** A flat projection for the tests: one degree is 1000 pixels, y down. */
const project = (position: Position) => ({ x: position[0]! * 1000, y: -position[1]! * 1000 });

const street: SnapTarget = { key: 'road_segments/1', coordinates: [[0, 0], [0.1, 0], [0.2, 0]] };
const avenue: SnapTarget = { key: 'road_segments/2', coordinates: [[0.05, 0.05], [0.05, 0.2]] };

describe('nearestOnSegment', () => {
  it('finds the share along the segment and clamps it to the segment', () => {
    expect(nearestOnSegment({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toEqual({ t: 0.5, distanceSquared: 9 });
    expect(nearestOnSegment({ x: -4, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toEqual({ t: 0, distanceSquared: 25 });
    expect(nearestOnSegment({ x: 1, y: 1 }, { x: 2, y: 2 }, { x: 2, y: 2 })).toEqual({ t: 0, distanceSquared: 2 });
  });
});

describe('snapToLines', () => {
  it('snaps to the nearest vertex within the tolerance, in preference to a nearer edge', () => {
    // 6 px from the middle vertex of the street, 4 px from its edge.
    const snap = snapToLines({ x: 104, y: 4 }, [street, avenue], project, 8);
    expect(snap).toEqual({ kind: 'vertex', key: 'road_segments/1', position: [0.1, 0], vertexIndex: 1, distancePx: Math.hypot(4, 4) });
  });

  it('snaps onto an edge where no vertex is within reach, at the foot of the perpendicular', () => {
    const snap = snapToLines({ x: 150, y: 5 }, [street], project, 8);
    expect(snap).toMatchObject({ kind: 'edge', key: 'road_segments/1', segmentIndex: 1, distancePx: 5 });
    expect(snap!.position[0]).toBeCloseTo(0.15, 12);
    expect(snap!.position[1]).toBeCloseTo(0, 12);
  });

  it('prefers the nearer of two lines, skips ignored lines, and gives up beyond the tolerance', () => {
    expect(snapToLines({ x: 47, y: -100 }, [street, avenue], project, 8)).toMatchObject({ kind: 'edge', key: 'road_segments/2' });
    expect(snapToLines({ x: 47, y: -100 }, [street, avenue], project, 8, new Set(['road_segments/2']))).toBeNull();
    expect(snapToLines({ x: 150, y: 9 }, [street], project, 8)).toBeNull();
  });
});

describe('interpolate and worldPixels', () => {
  it('interpolates between places, and measures screen distance at a zoom', () => {
    expect(interpolate([0, 0], [2, 4], 0.25)).toEqual([0.5, 1]);
    const a = worldPixels([-7.62, 33.59], 16);
    const b = worldPixels([-7.6199, 33.59], 16);
    // 0.0001° of longitude is about 9.3 m; at z16 (512-pixel tiles) a pixel is about 1.0 m here.
    expect(b.x - a.x).toBeCloseTo(0.0001 * (512 * 2 ** 16) / 360, 6);
    expect(b.y).toBeCloseTo(a.y, 9);
  });
});
