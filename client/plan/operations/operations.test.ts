import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { SegmentDraft } from '../model/segment-draft.ts';
import { drawSegment } from './draw-segment.ts';
import { mergeCandidates, mergeSegments } from './merge-segments.ts';
import { placeOnNetwork } from './network-places.ts';
import { reshapeSegment } from './reshape-segment.ts';
import { removeVertex } from './segment-steps.ts';
import { splitSegment } from './split-segment.ts';

const EDITABLE = ['name_fr', 'road_class', 'condition'];
const values = { name_fr: 'Rue de Fès', road_class: 'residential', condition: 'fair' };

function road(id: number, coordinates: Position[], properties: Record<string, unknown> = values): SegmentDraft {
  return { key: `road_segments/${id}`, id, properties, geometry: { type: 'LineString', coordinates } };
}

/** Three roads meeting at J; a fourth passing through it with an inner vertex. */
const J: Position = [-7.6, 33.5];
const north = road(1, [J, [-7.6, 33.501]]);
const east = road(2, [[-7.599, 33.5], J]);
const through = road(3, [[-7.601, 33.4995], J, [-7.599, 33.5005]]);
const far = road(4, [[-7.59, 33.51], [-7.589, 33.51]]);
let counter = 0;
const options = (splitAtJunctions: boolean) => ({
  splitAtJunctions,
  takeKey: () => {
    counter += 1;
    return `new-${counter}`;
  },
});

describe('splitting', () => {
  it('cuts at an inner vertex or inside an edge, the first part keeping the feature, the second a new one with its values', () => {
    const step = splitSegment(through, { kind: 'edge', segmentIndex: 1, position: [-7.5995, 33.50025] }, 'new-9')!;
    expect(step.kind).toBe('split');
    expect(step.changes.map((change) => change.after?.geometry.coordinates)).toEqual([
      [[-7.601, 33.4995], J, [-7.5995, 33.50025]],
      [[-7.5995, 33.50025], [-7.599, 33.5005]],
    ]);
    expect(step.changes[1]).toMatchObject({ key: 'new-9', before: null, after: { id: null, properties: values } });
    expect(splitSegment(through, { kind: 'vertex', index: 1 }, 'new-9')!.changes[0]!.after!.geometry.coordinates).toEqual([[-7.601, 33.4995], J]);
  });

  it('refuses to cut at an end, including an edge point on an end', () => {
    expect(splitSegment(north, { kind: 'vertex', index: 0 }, 'x')).toBeNull();
    expect(splitSegment(north, { kind: 'edge', segmentIndex: 0, position: [-7.6, 33.501] }, 'x')).toBeNull();
  });
});

describe('moving a shared junction', () => {
  it('moves the ends and the vertices of every road there, in one step', () => {
    const moved: Position = [-7.6002, 33.5001];
    const step = reshapeSegment(north, [moved, [-7.6, 33.501]], { kind: 'move', index: 0 }, [north, east, through, far], options(true));
    expect(step.kind).toBe('move-junction');
    expect(step.changes.map((change) => change.key)).toEqual(['road_segments/1', 'road_segments/2', 'road_segments/3']);
    expect(step.changes[1]!.after!.geometry.coordinates).toEqual([[-7.599, 33.5], moved]);
    expect(step.changes[2]!.after!.geometry.coordinates[1]).toEqual(moved);
  });

  it('moves a free vertex alone, and joins a free end dropped on another road', () => {
    const inner = reshapeSegment(through, [[-7.601, 33.4995], J, [-7.5985, 33.5005]], { kind: 'move', index: 2 }, [north, east, through, far], options(true));
    expect(inner).toMatchObject({ kind: 'reshape' });
    expect(inner.changes).toHaveLength(1);
    const onto = reshapeSegment(east, [[-7.5895, 33.51], J], { kind: 'move', index: 0 }, [north, east, through, far], options(false));
    expect(onto.changes.map((change) => change.key)).toEqual(['road_segments/2', 'road_segments/4']);
    expect(onto.changes[1]!.after!.geometry.coordinates).toEqual([[-7.59, 33.51], [-7.5895, 33.51], [-7.589, 33.51]]);
  });
});

describe('drawing a road that ends on another', () => {
  it('cuts the other road at the junction when asked, in the same step', () => {
    const step = drawSegment([[-7.5895, 33.509], [-7.5895, 33.51]], { road_class: 'service' }, 'new-100', [north, far], options(true));
    expect(step.kind).toBe('draw');
    expect(step.changes.map((change) => [change.key, change.before === null, change.after?.geometry.coordinates.length])).toEqual([
      ['new-100', true, 2],
      ['road_segments/4', false, 2],
      [expect.stringMatching(/^new-/), true, 2],
    ]);
    expect(step.changes[1]!.after!.geometry.coordinates).toEqual([[-7.59, 33.51], [-7.5895, 33.51]]);
  });

  it('only shares a vertex when not asked to cut, and changes nothing at another road’s end', () => {
    const shared = drawSegment([[-7.5895, 33.509], [-7.5895, 33.51]], {}, 'new-101', [far], options(false));
    expect(shared.changes.map((change) => change.after?.geometry.coordinates.length)).toEqual([2, 3]);
    const atEnd = drawSegment([[-7.601, 33.501], [-7.6, 33.501]], {}, 'new-102', [north], options(true));
    expect(atEnd.changes).toHaveLength(1);
  });
});

describe('merging', () => {
  it('joins two roads that meet end to end with the same values into the first, deleting the second', () => {
    const a = road(10, [[0, 0], [1, 0]]);
    const b = road(11, [[2, 0], [1, 0]]);
    const step = mergeSegments(a, b, EDITABLE);
    expect(step).not.toBeTypeOf('string');
    if (typeof step === 'string') return;
    expect(step.changes[0]!.after!.geometry.coordinates).toEqual([[0, 0], [1, 0], [2, 0]]);
    expect(step.changes[1]).toEqual({ key: b.key, before: b, after: null });
  });

  it('says why two roads cannot be merged, and lists the ones that can', () => {
    const a = road(10, [[0, 0], [1, 0]]);
    expect(mergeSegments(a, road(12, [[5, 5], [6, 6]]), EDITABLE)).toBe('not-touching');
    expect(mergeSegments(a, road(13, [[1, 0], [2, 0]], { ...values, condition: 'poor' }), EDITABLE)).toBe('different-attributes');
    expect(mergeCandidates(a, [a, road(11, [[2, 0], [1, 0]]), road(13, [[1, 0], [2, 1]], { ...values, condition: 'poor' })], EDITABLE).map((draft) => draft.id)).toEqual([11]);
  });
});

describe('removing a vertex and finding places', () => {
  it('removes an inner vertex but never leaves a line of one position', () => {
    expect(removeVertex(through, 1)!.changes[0]!.after!.geometry.coordinates).toHaveLength(2);
    expect(removeVertex(north, 0)).toBeNull();
  });

  it('finds a vertex before an edge, and nothing off the network', () => {
    expect(placeOnNetwork(J, [through, north])).toEqual({ key: 'road_segments/3', kind: 'vertex', index: 1 });
    expect(placeOnNetwork([-7.5895, 33.51], [far])).toMatchObject({ key: 'road_segments/4', kind: 'edge', segmentIndex: 0 });
    expect(placeOnNetwork([-7.5895, 33.5101], [far])).toBeNull();
  });
});
