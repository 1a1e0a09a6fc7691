import type { Labels } from '../layers/layer-definition.ts';

/** What a search result is; the same list as the CHECK on search_entries.kind (migration 0006). */
export const SEARCH_KINDS = ['admin_area', 'street', 'transit_stop', 'transit_route', 'establishment', 'permit'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One searchable layer. What is indexed for it (names, code, subtype) is decided by migration 0006
 * (search_entry_columns, and search_streets_refresh for streets), never personal properties.
 */
export interface SearchSource {
  layerId: string;
  kind: SearchKind;
  /**
   * Multiplies the text score (0..1.05) so that, between equally good matches, places people look for
   * most often come first: areas and permit references, then streets, stops and lines, establishments.
   */
  weight: number;
  /** API name of the layer's enum property stored as the entry's subtype; its labels come from the registry. */
  subtypeProperty: string;
  /** API name of the property stored as the entry's code, if the layer has one. */
  codeProperty?: string;
  /** What one result of this kind is, shown next to its name. */
  kindLabel: Labels;
}

/** Every searchable layer, in the order results of equal score are listed. */
export const SEARCH_SOURCES: readonly SearchSource[] = [
  {
    layerId: 'admin_areas',
    kind: 'admin_area',
    weight: 1,
    subtypeProperty: 'level',
    codeProperty: 'code',
    kindLabel: { fr: 'Découpage administratif', ar: 'تقسيم إداري', en: 'Administrative area' },
  },
  {
    layerId: 'permits',
    kind: 'permit',
    weight: 1,
    subtypeProperty: 'kind',
    codeProperty: 'reference',
    kindLabel: { fr: 'Autorisation', ar: 'رخصة', en: 'Permit' },
  },
  {
    layerId: 'road_segments',
    kind: 'street',
    weight: 0.95,
    subtypeProperty: 'road_class',
    kindLabel: { fr: 'Voie', ar: 'طريق', en: 'Street' },
  },
  {
    layerId: 'transit_stops',
    kind: 'transit_stop',
    weight: 0.9,
    subtypeProperty: 'mode',
    codeProperty: 'code',
    kindLabel: { fr: 'Station ou arrêt', ar: 'محطة أو موقف', en: 'Station or stop' },
  },
  {
    layerId: 'transit_routes',
    kind: 'transit_route',
    weight: 0.9,
    subtypeProperty: 'mode',
    codeProperty: 'line_code',
    kindLabel: { fr: 'Ligne', ar: 'خط', en: 'Line' },
  },
  {
    layerId: 'establishments',
    kind: 'establishment',
    weight: 0.8,
    subtypeProperty: 'category',
    kindLabel: { fr: 'Établissement', ar: 'مؤسسة', en: 'Establishment' },
  },
];

/** The source of a searchable layer, or undefined for a layer search does not cover. */
export function findSearchSource(layerId: string): SearchSource | undefined {
  return SEARCH_SOURCES.find((source) => source.layerId === layerId);
}
