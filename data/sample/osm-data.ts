import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import type { ImportOptions } from '../../server/import/import-options.ts';
import { readShapefileZip } from '../../server/import/read-shapefile-zip.ts';
import { splitByScript } from '../../server/import/split-by-script.ts';
import type { LonLat } from './geometry.ts';

/**
 * The OpenStreetMap files shipped in data/osm (© OpenStreetMap contributors, ODbL 1.0; see its README):
 * the sample's streets are Casablanca's real ones, and its areas, stations, permits and premises are placed
 * on them and inside the city's real outline.
 */
const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
export const OSM_ROADS_PATH = 'data/osm/casablanca-roads-osm-2018.zip';
export const OSM_CITY_BOUNDARY_PATH = 'data/osm/casablanca-city-boundary-osm.geojson';

/**
 * How the Geofabrik road shapefile becomes road_segments (the same as `npm run import` with the options the
 * README's "Load your own data" spells out): OSM classes folded into the registry's, the name split into
 * its French and Arabic parts, Geofabrik's oneway said value by value (B both ways, F along the line, T
 * against it), the way id kept so that a newer extract updates what changed.
 */
export const OSM_ROAD_IMPORT: ImportOptions = {
  attributeMap: { fclass: 'road_class', oneway: 'is_one_way' },
  splitByScript: { name: ['name_fr', 'name_ar'] },
  valueMaps: {
    road_class: {
      unclassified: 'residential', living_street: 'residential', footway: 'pedestrian', path: 'pedestrian', steps: 'pedestrian',
      track: 'service', track_grade1: 'service', motorway_link: 'motorway', trunk_link: 'trunk', primary_link: 'primary',
      secondary_link: 'secondary', tertiary_link: 'tertiary',
    },
    is_one_way: { B: 'false', F: 'true', T: 'true' },
  },
  key: 'osm_id',
  isUnknownIgnored: true,
};

/** The commune of Casablanca (OSM relation 4072985): its outer ring and the Méchouar enclave, closed rings. */
export function readCityOutline(): LonLat[][] {
  const collection = JSON.parse(readFileSync(join(PROJECT_ROOT, OSM_CITY_BOUNDARY_PATH), 'utf8')) as FeatureCollection<Polygon>;
  const rings = collection.features[0]?.geometry.coordinates;
  if (!rings?.[0]) throw new Error(`${OSM_CITY_BOUNDARY_PATH} holds no polygon`);
  return rings.map((ring) => ring.map((position) => [position[0]!, position[1]!] as LonLat));
}

/** One OSM road as the sample places things on it. */
export interface OsmRoad {
  osmId: string;
  /** Geofabrik's fclass (residential, primary...). */
  fclass: string;
  /** The French (Latin) part of the name, if any. */
  nameFr: string | null;
  line: LonLat[];
}

let cachedRoads: Promise<OsmRoad[]> | undefined;

/** The shipped OSM roads, read once per process (about a second). */
export function readOsmRoads(): Promise<OsmRoad[]> {
  cachedRoads ??= (async () => {
    const dataset = await readShapefileZip(readFileSync(join(PROJECT_ROOT, OSM_ROADS_PATH)), 'road_segments');
    if (dataset.issues.length > 0) throw new Error(`${OSM_ROADS_PATH} cannot be read: ${dataset.issues[0]!.message.en}`);
    return dataset.features.flatMap((feature) => {
      const geometry = feature.geometry as { type?: string; coordinates?: number[][] | number[][][] } | null;
      const line = geometry?.type === 'LineString' ? (geometry.coordinates as number[][]) : geometry?.type === 'MultiLineString' ? (geometry.coordinates as number[][][])[0] : undefined;
      if (!line || line.length < 2) return [];
      const name = typeof feature.properties.name === 'string' ? splitByScript(feature.properties.name).latin : null;
      return [{ osmId: String(feature.properties.osm_id), fclass: String(feature.properties.fclass), nameFr: name, line: line.map((position) => [position[0]!, position[1]!] as LonLat) }];
    });
  })();
  return cachedRoads;
}
