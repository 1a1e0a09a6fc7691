import type { Labels } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';

/** A row of the search statement (search-query.ts). */
export interface SearchRow {
  layer: string;
  id: number;
  kind: string;
  name_fr: string | null;
  name_ar: string | null;
  code: string | null;
  subtype: string | null;
  details: Record<string, unknown>;
  score: number;
  lon: number;
  lat: number;
  bbox: [number, number, number, number] | null;
  distance_m: number | null;
  area_id: number | null;
  area_code: string | null;
  area_name_fr: string | null;
  area_name_ar: string | null;
}

/**
 * One search result. `id` is the feature's id in `layer` (for a street, its lowest road segment id, and
 * `segment_ids` lists them all). Coordinates are EPSG:4326 degrees; `distance_m` is metres from the
 * position asked for, only when one was given. Never holds a personal property.
 */
export interface SearchResult {
  layer: string;
  kind: string;
  id: number;
  name: { fr: string | null; ar: string | null };
  /** The name with the arrondissement (or, for an area, the préfecture) it belongs to, for a result list. */
  label: { fr: string; ar: string };
  kind_label: Labels;
  subtype: { value: string; label: Labels } | null;
  code?: string;
  area?: { id: number; code: string; name: { fr: string; ar: string } };
  score: number;
  lon: number;
  lat: number;
  bbox?: [number, number, number, number];
  distance_m?: number;
  segment_ids?: number[];
  length_m?: number;
  /** The layer's declared detail properties (a stop's `line_codes`, a line's `colour`). */
  [detail: string]: unknown;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function subtypeOf(registry: LayerRegistry, row: SearchRow): SearchResult['subtype'] {
  const layer = registry.find(row.layer);
  const property = layer?.search ? layer.properties[layer.search.subtypeProperty] : undefined;
  const label = row.subtype === null ? undefined : property?.values?.[row.subtype];
  return row.subtype !== null && label ? { value: row.subtype, label } : null;
}

function labelOf(name: SearchResult['name'], area: SearchResult['area']): SearchResult['label'] {
  const fr = name.fr ?? name.ar ?? '';
  const ar = name.ar ?? name.fr ?? '';
  if (!area) return { fr, ar };
  return { fr: `${fr}, ${area.name.fr}`, ar: `${ar}، ${area.name.ar}` };
}

/**
 * Extras from the entry's non-personal details: a street's segments and length, else the layer's declared
 * detail properties (registry `search.detailProperties`) under their API names.
 */
function detailsOf(registry: LayerRegistry, row: SearchRow): Partial<SearchResult> {
  const details = row.details ?? {};
  const search = registry.find(row.layer)?.search;
  if (search?.isGroupedIntoStreets) return { segment_ids: details.segment_ids as number[], length_m: Number(details.length_m) };
  return Object.fromEntries((search?.detailProperties ?? []).filter((name) => name in details).map((name) => [name, details[name]]));
}

/** Turns a row into the result sent to the client. */
export function toSearchResult(registry: LayerRegistry, row: SearchRow): SearchResult {
  const layer = registry.find(row.layer);
  // A layer without names (permits) is known by its code (reference), in both languages.
  const name = layer && !layer.nameProperties ? { fr: row.code, ar: row.code } : { fr: row.name_fr, ar: row.name_ar };
  const area =
    row.area_id !== null && row.area_code !== null
      ? { id: Number(row.area_id), code: row.area_code, name: { fr: row.area_name_fr ?? '', ar: row.area_name_ar ?? '' } }
      : undefined;
  return {
    layer: row.layer,
    kind: row.kind,
    id: Number(row.id),
    name,
    label: labelOf(name, area),
    kind_label: layer?.search?.kindLabel ?? { fr: row.kind, ar: row.kind, en: row.kind },
    subtype: subtypeOf(registry, row),
    ...(row.code !== null ? { code: row.code } : {}),
    ...(area ? { area } : {}),
    score: round(Number(row.score), 4),
    lon: round(row.lon, 6),
    lat: round(row.lat, 6),
    ...(row.bbox ? { bbox: row.bbox.map((value) => round(value, 6)) as SearchResult['bbox'] } : {}),
    ...(row.distance_m !== null ? { distance_m: round(Number(row.distance_m), 1) } : {}),
    ...detailsOf(registry, row),
  };
}
