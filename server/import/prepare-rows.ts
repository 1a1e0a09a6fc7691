import type { Labels, LayerDefinition } from '../layers/layer-definition.ts';
import { buildPropertyValidator } from '../layers/property-validation.ts';
import { type ImportIssue, labels, listNames } from './import-issue.ts';
import type { ImportOptions } from './import-options.ts';
import type { ImportRow } from './insert-rows.ts';
import { mapProperties, planAttributes } from './map-attributes.ts';
import { normalizeGeometry } from './normalize-geometry.ts';
import type { SourceDataset } from './source-dataset.ts';

export interface PreparedRows {
  rows: ImportRow[];
  issues: ImportIssue[];
  notes: Labels[];
}

/**
 * Everything the importer can decide without the database: attribute mapping, value conversion, the
 * registry validation of properties (create rules), geometry structure and type. Pure. Issues of every
 * feature are collected (not only the first), so one run shows the whole extent of a problem.
 */
export function prepareRows(dataset: SourceDataset, layer: LayerDefinition, options: ImportOptions): PreparedRows {
  const { plan, issues } = planAttributes(dataset.attributes, layer, options);
  const notes: Labels[] = [];
  if (plan.ignored.length > 0) {
    const names = listNames(plan.ignored);
    notes.push(labels(`Attributs écartés : ${names}`, `خصائص مستبعدة: ${names}`, `Attributes left out: ${names}`));
  }
  // A mapping problem would repeat itself on every feature: report it once and stop there.
  if (issues.length > 0) return { rows: [], issues, notes };
  const validate = buildPropertyValidator(layer);
  const rows: ImportRow[] = [];
  const conversions = new Map<string, number>();
  let droppedZCount = 0;
  for (const feature of dataset.features) {
    const mapped = mapProperties(feature.properties, layer, plan);
    const result = validate(mapped.properties, 'create');
    const geometry = normalizeGeometry(feature.geometry, layer.geometry.types);
    for (const issue of result.issues) {
      const property = issue.pointer.split('/')[2] ?? '';
      const attribute = mapped.origins[property];
      issues.push({ featureIndex: feature.index, ...(attribute && attribute !== property ? { attribute } : {}), ...issue });
    }
    for (const issue of geometry.issues) issues.push({ featureIndex: feature.index, ...issue });
    if (geometry.hasDroppedZ) droppedZCount += 1;
    if (geometry.conversion) {
      const key = `${geometry.conversion.from}>${geometry.conversion.to}`;
      conversions.set(key, (conversions.get(key) ?? 0) + 1);
    }
    if (result.issues.length === 0 && geometry.geometry) rows.push({ featureIndex: feature.index, values: result.values, geometry: geometry.geometry });
  }
  for (const [key, count] of conversions) notes.push(conversionNote(key, count));
  if (droppedZCount > 0) {
    notes.push(labels(
      `${droppedZCount} géométrie(s) avec altitude (Z) : seules longitude et latitude sont gardées`,
      `${droppedZCount} هندسة بارتفاع (Z): لا يُحتفظ إلا بخطي الطول والعرض`,
      `${droppedZCount} geometr${droppedZCount === 1 ? 'y' : 'ies'} with Z values: only longitude and latitude are kept`,
    ));
  }
  return { rows, issues, notes };
}

function conversionNote(key: string, count: number): Labels {
  const [from, to] = key.split('>') as [string, string];
  if (from.startsWith('Multi')) {
    return labels(
      `${count} géométrie(s) ${from} d’une seule partie importée(s) comme ${to}`,
      `${count} هندسة ${from} ذات جزء واحد استُوردت كـ ${to}`,
      `${count} single-part ${from} geometr${count === 1 ? 'y' : 'ies'} imported as ${to}`,
    );
  }
  return labels(
    `${count} géométrie(s) ${from} importée(s) comme ${to} d’une partie`,
    `${count} هندسة ${from} استُوردت كـ ${to} بجزء واحد`,
    `${count} ${from} geometr${count === 1 ? 'y' : 'ies'} imported as one-part ${to}`,
  );
}
