/**
 * The area casa-sig serves: Greater Casablanca with a margin, in EPSG:4326 degrees
 * [west, south, east, north]. TileJSON bounds, the map's initial view and "inside the region" checks use it.
 */
export const REGION_BOUNDS: readonly [number, number, number, number] = [-7.85, 33.42, -7.35, 33.72];

/** The map opens on the city centre (Place Mohammed V), at a zoom showing the whole city. */
export const REGION_CENTER: readonly [number, number] = [-7.6186, 33.5928];
export const REGION_DEFAULT_ZOOM = 11.5;

/**
 * The city itself (the commune of Casablanca), which the map fits to the screen when it opens without a
 * position in its URL: the region around it is land and sea that nobody opens the map to see.
 */
export const REGION_HOME_BOUNDS: readonly [number, number, number, number] = [-7.752, 33.493, -7.457, 33.641];
