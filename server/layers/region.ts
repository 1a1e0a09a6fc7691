import type pg from 'pg';
import type { Config } from '../config.ts';
import { ident } from '../db/sql.ts';
import type { Bbox } from './geometry-bbox.ts';
import type { LayerDefinition } from './layer-definition.ts';
import type { LayerRegistry } from './registry.ts';

/** The area casa-sig serves, from its own data. Degrees, EPSG:4326, [west, south, east, north]. */
export interface Region {
  /** The admin areas' extent plus the margin (or REGION_BOUNDS): how far the map pans, what queries accept. */
  bounds: Bbox;
  /** The city itself (the areas of the hierarchy's city level, or HOME_BOUNDS): what the map opens on. */
  home: Bbox;
  center: [number, number];
  /** A zoom at which the home fits a screen of about a thousand pixels. */
  zoom: number;
}

export interface RegionSettings {
  /** Overrides the region computed from the admin areas. */
  bounds?: Bbox;
  /** Overrides the city computed from the admin areas. */
  home?: Bbox;
  /** Around the admin areas' extent, kilometres. */
  marginKm: number;
}

/** The region settings of the configuration (REGION_MARGIN_KM, REGION_BOUNDS, HOME_BOUNDS). */
export function regionSettingsOf(config: Pick<Config, 'REGION_MARGIN_KM' | 'REGION_BOUNDS' | 'HOME_BOUNDS'>): RegionSettings {
  return { marginKm: config.REGION_MARGIN_KM, ...(config.REGION_BOUNDS ? { bounds: config.REGION_BOUNDS } : {}), ...(config.HOME_BOUNDS ? { home: config.HOME_BOUNDS } : {}) };
}

/** What is served before any data exists: nothing is outside it. */
const WORLD: Bbox = [-180, -85.0511, 180, 85.0511];
const KM_PER_DEGREE = 111.32;
/** A changed region (new admin areas) reaches every server within this long. */
const REGION_TTL_MS = 10_000;

/** A box grown by `km` on every side (longitude degrees shrink with the cosine of the latitude). */
export function expandBbox([west, south, east, north]: Bbox, km: number): Bbox {
  const dLat = km / KM_PER_DEGREE;
  const dLon = km / (KM_PER_DEGREE * Math.cos((((south + north) / 2) * Math.PI) / 180));
  return [Math.max(-180, west - dLon), Math.max(-85.0511, south - dLat), Math.min(180, east + dLon), Math.min(85.0511, north + dLat)];
}

/** The region of an extent of areas (or of the city), the settings winning. */
export function regionFrom(areas: Bbox | null, city: Bbox | null, settings: RegionSettings): Region {
  const home = settings.home ?? city ?? areas ?? settings.bounds ?? WORLD;
  const bounds = settings.bounds ?? (areas ? expandBbox(areas, settings.marginKm) : WORLD);
  const span = Math.max(home[2] - home[0], (home[3] - home[1]) * 1.2, 1e-6);
  const zoom = Math.round(Math.min(18, Math.max(1, Math.log2((360 * 1000) / (256 * span)))) * 10) / 10;
  return { bounds, home, center: [(home[0] + home[2]) / 2, (home[1] + home[3]) / 2], zoom };
}

/** Whether a point lies in a box (edges included). */
export function isInBbox([west, south, east, north]: Bbox, lon: number, lat: number): boolean {
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

type ExtentRow = { west: number | null; south: number | null; east: number | null; north: number | null };

function toBbox(row: ExtentRow | undefined): Bbox | null {
  return row && row.west !== null ? [row.west, row.south!, row.east!, row.north!] : null;
}

const EXTENT_COLUMNS = 'ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) AS east, ST_YMax(e) AS north';

/**
 * The region and the extent of each layer, read from the data and kept for a few seconds: never a
 * constant, so that a city's own admin areas (or those of a wider area it imports) are what the map,
 * the queries and the OGC API publish.
 */
export class RegionService {
  readonly #cache = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    readonly pool: pg.Pool,
    readonly registry: LayerRegistry,
    readonly settings: RegionSettings,
    readonly ttlMs = REGION_TTL_MS,
  ) {}

  #cached<T>(key: string, read: () => Promise<T>): Promise<T> {
    const entry = this.#cache.get(key);
    if (entry && Date.now() - entry.at < this.ttlMs) return entry.value as Promise<T>;
    const value = read();
    this.#cache.set(key, { at: Date.now(), value });
    value.catch(() => this.#cache.delete(key));
    return value;
  }

  /** The extent of a layer's features, or null when it has none. */
  layerExtent(layer: LayerDefinition): Promise<Bbox | null> {
    return this.#cached(`layer:${layer.id}`, async () => {
      const text = `SELECT ${EXTENT_COLUMNS} FROM (SELECT ST_Extent(t.${ident(layer.geometry.column)}) AS e FROM ${ident(layer.table.schema, layer.table.name)} AS t) AS x`;
      return toBbox((await this.pool.query<ExtentRow>(text)).rows[0]);
    });
  }

  /**
   * The region: the admin areas' extent with the margin, or the whole world while there are none (a city
   * that has not loaded its areas yet; REGION_BOUNDS fixes it instead). Only the admin areas are read, so a
   * lock on another layer never holds the region up.
   */
  current(): Promise<Region> {
    return this.#cached('region', async () => {
      const areas = this.registry.areas;
      const cityLevel = areas.hierarchy?.cityLevel;
      const geometry = ident(areas.geometry.column);
      const level = areas.hierarchy ? ident(areas.properties[areas.hierarchy.levelProperty]!.column) : undefined;
      const row = (await this.pool.query<ExtentRow & { city_west: number | null; city_south: number | null; city_east: number | null; city_north: number | null }>(
        `SELECT ${EXTENT_COLUMNS}, ST_XMin(c) AS city_west, ST_YMin(c) AS city_south, ST_XMax(c) AS city_east, ST_YMax(c) AS city_north
           FROM (SELECT ST_Extent(t.${geometry}) AS e, ST_Extent(t.${geometry}) FILTER (WHERE ${level ? `t.${level} = $1::text` : '$1::text IS NOT NULL AND false'}) AS c
                   FROM ${ident(areas.table.schema, areas.table.name)} AS t) AS x`,
        [cityLevel ?? null],
      )).rows[0];
      const city = toBbox(row && { west: row.city_west, south: row.city_south, east: row.city_east, north: row.city_north });
      return regionFrom(toBbox(row), city, this.settings);
    });
  }
}
