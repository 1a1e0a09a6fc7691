import type { Position } from 'geojson';
import type { FeatureChange } from '../model/edit-history.ts';
import type { SegmentDraft } from '../model/segment-draft.ts';
import { isEnd, placeOnNetwork } from './network-places.ts';
import { splitDraft } from './split-segment.ts';

/** How a line that ends on another becomes a junction. */
export interface JoinOptions {
  /** Cut the other road at the junction (two segments meeting there), as planners usually want. */
  splitAtJunctions: boolean;
  /** A fresh key for the second part of a cut road. */
  takeKey: () => string;
}

/**
 * The changes that make a place a real junction of the network (a vertex every road there shares): on
 * another road's edge, a vertex is added there, or the road is cut there; on its inner vertex, the road is
 * cut there when asked; at its end, nothing is needed. `network` is updated with the changes (several ends
 * may join the same road one after the other). Pure but for that map.
 */
export function joinAt(position: Position, network: Map<string, SegmentDraft>, ignoredKeys: ReadonlySet<string>, options: JoinOptions): FeatureChange[] {
  const place = placeOnNetwork(position, [...network.values()], ignoredKeys);
  if (!place) return [];
  const road = network.get(place.key)!;
  if (place.kind === 'vertex' && (isEnd(road, place.index) || !options.splitAtJunctions)) return [];
  if (place.kind === 'edge' && !options.splitAtJunctions) {
    const coordinates = [...road.geometry.coordinates];
    coordinates.splice(place.segmentIndex + 1, 0, place.position);
    const after: SegmentDraft = { ...road, geometry: { type: 'LineString', coordinates } };
    network.set(road.key, after);
    return [{ key: road.key, before: road, after }];
  }
  const newKey = options.takeKey();
  const parts = splitDraft(road, place, newKey);
  if (!parts) return [];
  network.set(road.key, parts[0]);
  network.set(newKey, parts[1]);
  return [
    { key: road.key, before: road, after: parts[0] },
    { key: newKey, before: null, after: parts[1] },
  ];
}
