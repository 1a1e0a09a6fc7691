import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';
import type { ImportOptions } from '../../server/import/import-options.ts';

/**
 * The real Casablanca data beside the checkout (../shared/data/casablanca): for tests and benchmarks
 * only, never copied into the repository. Tests that read it skip with a message when it is absent.
 */
export const SHARED_DATA_DIR = join(PROJECT_ROOT, '..', 'shared', 'data', 'casablanca');

/** Casablanca's OSM roads as GeoJSON and as Geofabrik's zipped Shapefile, and the communes (licence unknown). */
export const REAL_ROADS_GEOJSON = join(SHARED_DATA_DIR, 'casablanca_roads_osm_2018.geojson');
export const REAL_ROADS_ZIP = join(SHARED_DATA_DIR, 'casablanca_roads_osm_2018_shp.zip');
export const REAL_COMMUNES = join(SHARED_DATA_DIR, 'grand_casablanca_communes.geojson');

/**
 * The communes file as README's "Load your own data" imports it: its arrondissements and communes, each
 * linked to its préfecture by the start of its HCP code (06.141.01.01 -> 06.141), the préfectures derived by
 * dissolving what belongs to them.
 */
export const COMMUNE_IMPORT: ImportOptions = {
  // Mansouria belongs to Benslimane and has no code nor name: left out.
  only: { province_hcp: ['Casablanca', 'Nouaceur', 'Mediouna', 'Mohammadia'] },
  attributeMap: { hcp_code: 'code', kind: 'level' },
  valueMaps: { level: { municipalite: 'commune', commune_rurale: 'commune' } },
  parent: { attribute: 'hcp_code', prefixLength: 6, property: 'code' },
  deriveParents: { level: 'prefecture', from: { name_fr: 'province_hcp' } },
  key: 'hcp_code',
  isUnknownIgnored: true,
};
