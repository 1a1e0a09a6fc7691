import type { Labels } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { findSearchSource, type SearchKind } from './search-sources.ts';

/** A row of the search statement (search-query.ts). */
export interface SearchRow {
  layer: string;
  id: number;
  kind: SearchKind;
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
  kind: SearchKind;
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
  line_codes?: string[];
  colour?: string;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function subtypeOf(registry: LayerRegistry, row: SearchRow): SearchResult['subtype'] {
  const source = findSearchSource(row.layer);
  const property = source ? registry.find(row.layer)?.properties[source.subtypeProperty] : undefined;
  const label = row.subtype === null ? undefined : property?.values?.[row.subtype];
  return row.subtype !== null && label ? { value: row.subtype, label } : null;
}

function labelOf(name: SearchResult['name'], area: SearchResult['area']): SearchResult['label'] {
  const fr = name.fr ?? name.ar ?? '';
  const ar = name.ar ?? name.fr ?? '';
  if (!area) return { fr, ar };
  return { fr: `${fr}, ${area.name.fr}`, ar: `${ar}، ${area.name.ar}` };
}

/** Extras of a kind, from the entry's non-personal details. */
function detailsOf(row: SearchRow): Partial<SearchResult> {
  const details = row.details ?? {};
  if (row.kind === 'street') return { segment_ids: details.segment_ids as number[], length_m: Number(details.length_m) };
  if (row.kind === 'transit_stop') return { line_codes: details.line_codes as string[] };
  if (row.kind === 'transit_route') return { colour: details.colour as string };
  return {};
}

/** Turns a row into the result sent to the client. */
export function toSearchResult(registry: LayerRegistry, row: SearchRow): SearchResult {
  // A permit has no name: its reference is what people know it by, in both languages.
  const name = row.kind === 'permit' ? { fr: row.code, ar: row.code } : { fr: row.name_fr, ar: row.name_ar };
  const area =
    row.area_id !== null && row.area_code !== null
      ? { id: Number(row.area_id), code: row.area_code, name: { fr: row.area_name_fr ?? '', ar: row.area_name_ar ?? '' } }
      : undefined;
  const source = findSearchSource(row.layer);
  return {
    layer: row.layer,
    kind: row.kind,
    id: Number(row.id),
    name,
    label: labelOf(name, area),
    kind_label: source?.kindLabel ?? { fr: row.kind, ar: row.kind, en: row.kind },
    subtype: subtypeOf(registry, row),
    ...(row.code !== null ? { code: row.code } : {}),
    ...(area ? { area } : {}),
    score: round(Number(row.score), 4),
    lon: round(row.lon, 6),
    lat: round(row.lat, 6),
    ...(row.bbox ? { bbox: row.bbox.map((value) => round(value, 6)) as SearchResult['bbox'] } : {}),
    ...(row.distance_m !== null ? { distance_m: round(Number(row.distance_m), 1) } : {}),
    ...detailsOf(row),
  };
}
