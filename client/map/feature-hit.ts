/** A catalog feature found on the map (under a click, under the pointer, in the view). */
export interface FeatureHit {
  /** Catalog layer id (also the vector source and MVT layer name). */
  layerId: string;
  /** MVT feature id: the row id. */
  featureId: string | number | undefined;
  /** Properties carried by the tile (the catalog's `isInTiles` properties). */
  properties: Record<string, unknown>;
}

/** A point on the screen, in CSS pixels from the map's top-left corner. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** A longitude and latitude in degrees (WGS 84). */
export interface LngLat {
  lng: number;
  lat: number;
}
