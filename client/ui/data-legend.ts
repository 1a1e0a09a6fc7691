import type { ListedFeature } from '../api/fetch-features.ts';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import type { Language } from '../i18n/language.ts';
import { describeTitle } from './describe-feature.ts';

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** A legend row of a layer whose features carry their own colour (a transit line and its brand colour). */
export interface DataLegendRow {
  featureId: string;
  color: string;
  label: string;
  /** The value of the layer's first enum property (a line's mode), to group rows by. */
  group: string | null;
}

/** Whether the layer's colour is held by each feature rather than decided by the registry's values. */
export function hasDataColours(layer: LayerCatalogEntry): boolean {
  return layer.style.colorProperty !== undefined && (layer.style.colorByValue === undefined || Object.keys(layer.style.colorByValue).length === 0);
}

/**
 * One row per feature with a valid colour, named in the language, grouped by the layer's first enum
 * property in the order of its values, then by name in natural order ("T2" before "T10", "7" before "11").
 */
export function buildDataLegend(layer: LayerCatalogEntry, features: readonly ListedFeature[], language: Language): DataLegendRow[] {
  const colorProperty = layer.style.colorProperty;
  if (!colorProperty) return [];
  const groupProperty = layer.properties.find((property) => property.type === 'enum' && property.values && property.values.length > 0);
  const groupOrder = groupProperty?.values?.map((entry) => entry.value) ?? [];
  const rows = features.flatMap((feature) => {
    const color = feature.properties[colorProperty];
    if (typeof color !== 'string' || !HEX_COLOUR.test(color)) return [];
    const group = groupProperty ? String(feature.properties[groupProperty.name] ?? '') || null : null;
    return [{ featureId: String(feature.id), color, label: describeTitle(layer, feature.properties, feature.id, language), group }];
  });
  const collator = new Intl.Collator(language, { numeric: true });
  const rank = (group: string | null) => (group === null ? groupOrder.length : groupOrder.indexOf(group));
  return rows.sort((a, b) => rank(a.group) - rank(b.group) || collator.compare(a.label, b.label));
}
