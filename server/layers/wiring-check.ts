import type { LayerDefinition } from './layer-definition.ts';
import type { LayerRegistry } from './registry.ts';

/** The database side of the per-layer wiring, as db/queries/layer-wiring.sql reads it. */
export interface LayerWiring {
  searchSources: {
    layer: string;
    kind: string;
    name_fr_column: string | null;
    name_ar_column: string | null;
    code_column: string | null;
    subtype_column: string;
    detail_columns: Record<string, string>;
  }[];
  pointRules: { layer: string; zoom: number; cellUnits: number }[];
  lineZooms: { minzoom: number | null; maxzoom: number | null };
  triggers: { table: string; name: string }[];
  checks: { table: string; name: string; definition: string }[];
}

const SEARCH_TRIGGERS = ['search_insert', 'search_update', 'search_delete', 'search_truncate'];
const TILE_TRIGGERS = ['insert', 'update', 'delete', 'truncate'];

/**
 * The values a CHECK constraint allows for `column`, when the whole constraint is `column IN (...)`
 * (a constraint that merely mentions such a list, like `(status IN (...)) = (decided_on IS NULL)`, is not).
 */
export function checkedValues(definition: string, column: string): string[] | undefined {
  const match = new RegExp(`^CHECK \\(\\(${column} = ANY \\(ARRAY\\[([^\\]]*)\\]\\)\\)\\)$`).exec(definition);
  if (!match) return undefined;
  return [...match[1]!.matchAll(/'((?:[^']|'')*)'::(?:text|character varying)/g)].map((value) => value[1]!.replaceAll("''", "'"));
}

function searchProblems(layer: LayerDefinition, wiring: LayerWiring, hasTrigger: (name: string) => boolean): string[] {
  const at = (text: string) => `layer ${layer.id}: ${text}`;
  const problems: string[] = [];
  const source = wiring.searchSources.find((candidate) => candidate.layer === layer.id);
  const search = layer.search;
  if (!search || search.isGroupedIntoStreets) {
    if (source) problems.push(at('search_layer_sources has a row for it, but the registry declares no per-feature search'));
    if (search?.isGroupedIntoStreets) {
      for (const name of SEARCH_TRIGGERS) if (!hasTrigger(name)) problems.push(at(`street search trigger ${name} is missing`));
    }
    return problems;
  }
  if (!source) return [at('searchable in the registry, but search_layer_sources has no row for it (see migration 0011)')];
  const column = (property: string | undefined) => (property === undefined ? null : layer.properties[property]?.column ?? null);
  const expected: [string, string | null, string | null][] = [
    ['kind', search.kind, source.kind],
    ['name_fr_column', column(layer.nameProperties?.fr), source.name_fr_column],
    ['name_ar_column', column(layer.nameProperties?.ar), source.name_ar_column],
    ['code_column', column(search.codeProperty), source.code_column],
    ['subtype_column', column(search.subtypeProperty), source.subtype_column],
  ];
  for (const [field, declared, stored] of expected) {
    if (declared !== stored) problems.push(at(`search ${field} is ${stored ?? 'NULL'} in the database, ${declared ?? 'NULL'} in the registry`));
  }
  const details = Object.fromEntries((search.detailProperties ?? []).map((name) => [name, column(name)]));
  if (JSON.stringify(Object.entries(details).sort()) !== JSON.stringify(Object.entries(source.detail_columns).sort())) {
    problems.push(at(`search detail columns are ${JSON.stringify(source.detail_columns)} in the database, ${JSON.stringify(details)} in the registry`));
  }
  for (const name of SEARCH_TRIGGERS) if (!hasTrigger(name)) problems.push(at(`search trigger ${name} is missing (SELECT search_layer_attach('${layer.id}'))`));
  return problems;
}

function generalisationProblems(layer: LayerDefinition, wiring: LayerWiring, hasTrigger: (name: string) => boolean): string[] {
  const at = (text: string) => `layer ${layer.id}: ${text}`;
  const declared = layer.generalisation;
  const rules = wiring.pointRules.filter((rule) => rule.layer === layer.id);
  const stored = Object.fromEntries(rules.map((rule) => [rule.zoom, rule.cellUnits]));
  const problems: string[] = [];
  if (declared?.kind !== 'points' && rules.length > 0) problems.push(at('tile_point_rules has rows for it, but the registry declares no point generalisation'));
  if (declared?.kind === 'points' && JSON.stringify(stored) !== JSON.stringify(declared.cellUnits)) {
    problems.push(at(`generalised point cells are ${JSON.stringify(stored)} in tile_point_rules, ${JSON.stringify(declared.cellUnits)} in the registry`));
  }
  if (declared?.kind === 'lines' && (wiring.lineZooms.minzoom !== declared.minzoom || wiring.lineZooms.maxzoom !== declared.maxzoom)) {
    problems.push(at(`generalised line zooms are ${wiring.lineZooms.minzoom}-${wiring.lineZooms.maxzoom} in tile_road_rules, ${declared.minzoom}-${declared.maxzoom} in the registry`));
  }
  if (declared) {
    for (const event of TILE_TRIGGERS) {
      const name = `${layer.table.name}_tiles_${event}`;
      if (!hasTrigger(name)) problems.push(at(`generalisation trigger ${name} is missing`));
    }
  }
  return problems;
}

/** Enum properties whose column CHECK lists other values than the registry. */
function enumProblems(layer: LayerDefinition, wiring: LayerWiring): string[] {
  const checks = wiring.checks.filter((check) => check.table === layer.table.name);
  const problems: string[] = [];
  for (const [name, property] of Object.entries(layer.properties)) {
    if (property.type !== 'enum') continue;
    const allowed = checks.map((check) => checkedValues(check.definition, property.column)).find((values) => values !== undefined);
    if (!allowed) continue;
    const declared = Object.keys(property.values ?? {});
    const missing = declared.filter((value) => !allowed.includes(value));
    const extra = allowed.filter((value) => !declared.includes(value));
    if (missing.length > 0) problems.push(`layer ${layer.id}: column ${layer.table.name}.${property.column} (property ${name}) refuses ${missing.join(', ')}, which the registry allows`);
    if (extra.length > 0) problems.push(`layer ${layer.id}: column ${layer.table.name}.${property.column} (property ${name}) allows ${extra.join(', ')}, which the registry does not list`);
  }
  return problems;
}

/** Row rules and the hierarchy name the CHECK constraints that enforce them: each must exist. */
function rowRuleProblems(layer: LayerDefinition, wiring: LayerWiring): string[] {
  const names = new Set(wiring.checks.filter((check) => check.table === layer.table.name).map((check) => check.name));
  const declared = [...(layer.hierarchy ? [layer.hierarchy.constraint] : []), ...(layer.rowRules ?? []).map((rule) => rule.constraint)];
  return declared.filter((name) => !names.has(name)).map((name) => `layer ${layer.id}: row rule constraint ${name} does not exist on ${layer.table.name}`);
}

/**
 * Compares the registry with the per-layer wiring of the database: search sources and triggers, point
 * generalisation rules, line generalisation zooms and triggers, the CHECK lists of enum columns and the
 * constraints of row rules.
 * One message per mismatch, naming the layer and the column or rule.
 */
export function findWiringMismatches(registry: LayerRegistry, wiring: LayerWiring): string[] {
  const problems: string[] = [];
  for (const layer of registry.layers) {
    const triggers = new Set(wiring.triggers.filter((trigger) => trigger.table === layer.table.name).map((trigger) => trigger.name));
    const hasTrigger = (name: string) => triggers.has(name);
    problems.push(...searchProblems(layer, wiring, hasTrigger), ...generalisationProblems(layer, wiring, hasTrigger), ...enumProblems(layer, wiring), ...rowRuleProblems(layer, wiring));
  }
  const known = new Set(registry.ids);
  for (const source of wiring.searchSources) if (!known.has(source.layer)) problems.push(`search_layer_sources names layer ${source.layer}, which the registry does not have`);
  return problems;
}
