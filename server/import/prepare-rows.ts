import type { Labels, LayerDefinition } from '../layers/layer-definition.ts';
import { buildPropertyValidator, type PropertyIssue } from '../layers/property-validation.ts';
import { convertValue } from './convert-value.ts';
import { type ImportIssue, labels, listNames } from './import-issue.ts';
import type { ImportOptions } from './import-options.ts';
import type { ImportRow } from './import-row.ts';
import { type AttributePlan, mapProperties, planAttributes } from './map-attributes.ts';
import { normalizeGeometry } from './normalize-geometry.ts';
import type { SourceDataset, SourceFeature } from './source-dataset.ts';
import { type AttributeValues, ValueTally } from './value-tally.ts';

export interface PreparedRows {
  rows: ImportRow[];
  issues: ImportIssue[];
  notes: Labels[];
  plan?: AttributePlan;
  /** Per attribute, each distinct source value and what it became. */
  values: AttributeValues[];
}

/** Value refusals of closed properties: counted per attribute (one issue) instead of one issue per feature. */
const TALLIED_CODES = new Set(['invalid-enum-value', 'wrong-type']);

function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The key, parent link and derived-parent values a feature carries besides its properties. */
function rowExtras(feature: SourceFeature, layer: LayerDefinition, options: ImportOptions): Pick<ImportRow, 'key' | 'parentLink' | 'parentValues'> {
  const extras: Pick<ImportRow, 'key' | 'parentLink' | 'parentValues'> = {};
  const key = options.key ? text(feature.properties[options.key]) : undefined;
  if (key !== undefined) extras.key = key;
  if (options.parent) {
    const link = text(feature.properties[options.parent.attribute]);
    if (link !== undefined) extras.parentLink = options.parent.prefixLength ? link.slice(0, options.parent.prefixLength) : link;
  }
  if (options.deriveParents) {
    extras.parentValues = Object.fromEntries(Object.entries(options.deriveParents.from).map(([property, attribute]) => [
      property, convertValue(feature.properties[attribute], layer.properties[property]?.type ?? 'string'),
    ]));
  }
  return extras;
}

/** Features without a key, and keys given twice, when the import is keyed. */
function keyIssues(rows: readonly ImportRow[], features: readonly SourceFeature[], attribute: string): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  const byIndex = new Map(rows.map((row) => [row.featureIndex, row]));
  for (const feature of features) {
    const key = byIndex.get(feature.index)?.key ?? text(feature.properties[attribute]);
    const pointer = `/properties/${attribute}`;
    if (key === undefined) {
      issues.push({ featureIndex: feature.index, pointer, code: 'missing-key', message: labels(`pas de valeur pour la clé ${attribute}`, `لا قيمة للمفتاح ${attribute}`, `no value for the key ${attribute}`) });
      continue;
    }
    const first = seen.get(key);
    if (first === undefined) seen.set(key, feature.index);
    else issues.push({ featureIndex: feature.index, pointer, code: 'duplicate-key', message: labels(`la clé ${attribute} = ${key} est déjà celle de l’objet ${first}`, `المفتاح ${attribute} = ${key} هو أيضًا مفتاح الكائن ${first}`, `key ${attribute} = ${key} is also the key of feature ${first}`) });
  }
  return issues;
}

/**
 * Everything the importer can decide without the database: attribute mapping, value conversion (with a
 * tally of every source value and what it became), the registry validation of properties (create rules),
 * geometry structure and type, keys. Pure. Issues of every feature are collected (not only the first), so
 * one run shows the whole extent of a problem.
 */
export function prepareRows(dataset: SourceDataset, layer: LayerDefinition, options: ImportOptions): PreparedRows {
  const { plan, issues } = planAttributes(dataset.attributes, layer, options);
  const notes: Labels[] = [];
  if (plan.ignored.length > 0) {
    const names = listNames(plan.ignored);
    notes.push(labels(`Attributs écartés : ${names}`, `خصائص مستبعدة: ${names}`, `Attributes left out: ${names}`));
  }
  // A mapping problem would repeat itself on every feature: report it once and stop there.
  if (issues.length > 0) return { rows: [], issues, notes, values: [] };
  const validate = buildPropertyValidator(layer);
  const tally = new ValueTally(layer);
  const rows: ImportRow[] = [];
  const conversions = new Map<string, number>();
  let droppedZCount = 0;
  for (const feature of dataset.features) {
    const mapped = mapProperties(feature.properties, layer, plan);
    const result = validate(mapped.properties, 'create');
    const refused = new Map<string, PropertyIssue>();
    for (const issue of result.issues) {
      const property = issue.pointer.split('/')[2] ?? '';
      const attribute = mapped.origins[property];
      const type = layer.properties[property]?.type;
      if (attribute && TALLIED_CODES.has(issue.code) && (type === 'enum' || type === 'boolean')) refused.set(property, issue);
      else issues.push({ featureIndex: feature.index, ...(attribute && attribute !== property ? { attribute } : {}), field: property, ...issue });
    }
    for (const [property, attribute] of Object.entries(mapped.origins)) {
      const source = mapped.sources[property];
      const isExplicit = source !== null && source !== undefined && Object.hasOwn(plan.valueMaps[property] ?? {}, String(source));
      tally.record(attribute, property, source, mapped.properties[property] ?? null, refused.has(property), isExplicit);
    }
    const geometry = normalizeGeometry(feature.geometry, layer.geometry.types);
    for (const issue of geometry.issues) issues.push({ featureIndex: feature.index, ...issue });
    if (geometry.hasDroppedZ) droppedZCount += 1;
    if (geometry.conversion) {
      const key = `${geometry.conversion.from}>${geometry.conversion.to}`;
      conversions.set(key, (conversions.get(key) ?? 0) + 1);
    }
    if (result.issues.length === 0 && geometry.geometry) {
      rows.push({ featureIndex: feature.index, values: result.values, geometry: geometry.geometry, ...rowExtras(feature, layer, options) });
    }
  }
  issues.unshift(...tally.refusals());
  if (options.key) issues.push(...keyIssues(rows, dataset.features, options.key));
  for (const [key, count] of conversions) notes.push(conversionNote(key, count));
  if (droppedZCount > 0) {
    notes.push(labels(
      `${droppedZCount} géométrie(s) avec altitude (Z) : seules longitude et latitude sont gardées`,
      `${droppedZCount} هندسة بارتفاع (Z): لا يُحتفظ إلا بخطي الطول والعرض`,
      `${droppedZCount} geometr${droppedZCount === 1 ? 'y' : 'ies'} with Z values: only longitude and latitude are kept`,
    ));
  }
  return { rows, issues, notes, plan, values: tally.summary() };
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
