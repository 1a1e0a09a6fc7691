/**
 * The shape of GET /api/layers. The types are the server's own (type-only import, erased by the build),
 * so a change to the catalog breaks the client's type check instead of its runtime.
 */
import type { LayerCatalog, LayerCatalogEntry } from '../../server/routes/layer-catalog.ts';

export type { LayerCatalog, LayerCatalogEntry };

/** One property of a layer as the catalog describes it (name, type, labels, unit, enum values). */
export type CatalogProperty = LayerCatalogEntry['properties'][number];

export type LayerFamily = LayerCatalogEntry['family'];

/** Families in the order the layer panel lists them (DESIGN.md, "The layers"). */
export const FAMILY_ORDER: readonly LayerFamily[] = ['reference', 'street_heritage', 'authorisations', 'hygiene', 'mobility'];

export interface LayerGroup {
  family: LayerFamily;
  layers: LayerCatalogEntry[];
}

/** The catalog's layers grouped by family, families in FAMILY_ORDER, layers in catalog (drawing) order. */
export function groupLayersByFamily(layers: readonly LayerCatalogEntry[]): LayerGroup[] {
  const known = FAMILY_ORDER.map((family) => ({ family, layers: layers.filter((layer) => layer.family === family) }));
  const unknownFamilies = [...new Set(layers.map((layer) => layer.family))].filter((family) => !FAMILY_ORDER.includes(family));
  const unknown = unknownFamilies.map((family) => ({ family, layers: layers.filter((layer) => layer.family === family) }));
  return [...known, ...unknown].filter((group) => group.layers.length > 0);
}
