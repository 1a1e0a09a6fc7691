/**
 * What the URL says beyond the route: the map position in the hash (`#map=zoom/lat/lon`, as OpenStreetMap
 * and iD write it) and the open feature in the query (`?feature=road_segments/42`, the layer and id of its
 * OGC path). The language is `?lang=` (i18n/language.ts). Pure functions: the router and the map binding
 * read and write the URL with them, so a link opens the same view on another machine.
 */

/** The centre and zoom of the map, in degrees (WGS 84). */
export interface MapPosition {
  zoom: number;
  latitude: number;
  longitude: number;
}

/** A feature by its layer id and its id, as the features API names them. */
export interface FeatureReference {
  layerId: string;
  featureId: string;
}

const MAP_HASH = /^#?map=(-?[\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)$/;
const LAYER_ID = /^[a-z][a-z0-9_]{0,62}$/;
const FEATURE_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const FEATURE_PARAMETER = 'feature';

/** The map position of a URL hash, or null when the hash has none or a position off the globe. */
export function parseMapHash(hash: string): MapPosition | null {
  const match = MAP_HASH.exec(hash);
  if (!match) return null;
  const [zoom, latitude, longitude] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const isValid =
    Number.isFinite(zoom) && zoom >= 0 && zoom <= 24 && Math.abs(latitude) <= 85.06 && Math.abs(longitude) <= 180;
  return isValid ? { zoom, latitude, longitude } : null;
}

/**
 * The hash for a position. Coordinates get as many decimals as the zoom needs to keep the view within
 * a pixel or so (iD's rule), so links stay short: 3 decimals at zoom 10, 5 at zoom 17.
 */
export function formatMapHash({ zoom, latitude, longitude }: MapPosition): string {
  const decimals = Math.max(0, Math.ceil(Math.log(Math.max(zoom, 1)) / Math.LN2));
  const trim = (value: number, digits: number) => String(Number(value.toFixed(digits)));
  return `#map=${trim(zoom, 2)}/${trim(latitude, decimals)}/${trim(longitude, decimals)}`;
}

/** The open feature of a query string, or null (a malformed value is ignored, never trusted). */
export function parseFeatureParameter(search: string): FeatureReference | null {
  const value = new URLSearchParams(search).get(FEATURE_PARAMETER);
  const [layerId, featureId, ...rest] = value?.split('/') ?? [];
  if (rest.length > 0 || !layerId || !featureId || !LAYER_ID.test(layerId) || !FEATURE_ID.test(featureId)) return null;
  return { layerId, featureId };
}

/** The query string with the open feature set, or removed for null. */
export function withFeatureParameter(search: string, feature: FeatureReference | null): string {
  const parameters = new URLSearchParams(search);
  if (feature) parameters.set(FEATURE_PARAMETER, `${feature.layerId}/${feature.featureId}`);
  else parameters.delete(FEATURE_PARAMETER);
  const query = parameters.toString();
  return query ? `?${query}` : '';
}
