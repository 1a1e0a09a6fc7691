import { fetchFeature } from '../api/fetch-feature.ts';
import { fetchFeatures } from '../api/fetch-features.ts';
import type { Selection } from '../state/app-state.ts';

/**
 * The two layers the transit map works with, and the properties that tie their features to the GTFS feed
 * (the mobility API is keyed by the feed's own ids, the map and the URL by the features' ids).
 */
export const STOPS_LAYER = 'transit_stops';
export const LINES_LAYER = 'transit_routes';
export const FEED_ID_PROPERTY: Record<typeof STOPS_LAYER | typeof LINES_LAYER, string> = {
  [STOPS_LAYER]: 'gtfs_stop_id',
  [LINES_LAYER]: 'gtfs_route_id',
};

export type TransitLayer = keyof typeof FEED_ID_PROPERTY;

/**
 * The feed id of an open stop or line: from what its tile carried when it was clicked, else from the
 * feature itself (a link, a search result).
 */
export async function feedIdOf(selection: Selection & { layerId: TransitLayer }, signal?: AbortSignal): Promise<string | null> {
  const property = FEED_ID_PROPERTY[selection.layerId];
  const fromTile = selection.tileProperties?.[property];
  if (typeof fromTile === 'string' && fromTile !== '') return fromTile;
  const feature = await fetchFeature(selection.layerId, selection.featureId, signal);
  const value = feature.properties[property];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The stop or line with this feed id, as a selection for the map and the URL; null if the layers lack it. */
export async function selectionForFeedId(layerId: TransitLayer, feedId: string, signal?: AbortSignal): Promise<Selection | null> {
  const [feature] = await fetchFeatures(layerId, { limit: 1, filters: { [FEED_ID_PROPERTY[layerId]]: feedId }, ...(signal ? { signal } : {}) });
  return feature ? { layerId, featureId: String(feature.id), tileProperties: feature.properties } : null;
}
