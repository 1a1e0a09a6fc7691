import type { HierarchyDeclaration, LayerDefinition, PropertyType, StatisticMeasure } from './layer-definition.ts';

const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

/** Thrown when layer declarations contradict one another; lists every problem, naming layer and property. */
export class RegistryDeclarationError extends Error {
  override name = 'RegistryDeclarationError';
  constructor(readonly problems: readonly string[]) {
    super(`The layer registry is inconsistent:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Problems of one layer's own declarations (the properties its search, statistics and style name). */
function layerProblems(layer: LayerDefinition, ids: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const at = (text: string) => problems.push(`layer ${layer.id}: ${text}`);
  const expectProperty = (name: string | undefined, role: string, types?: readonly PropertyType[]) => {
    if (name === undefined) return;
    const property = layer.properties[name];
    if (!property) return at(`${role} names property ${name}, which the layer does not declare`);
    if (types && !types.includes(property.type)) at(`${role} property ${name} is ${property.type}, expected ${types.join(' or ')}`);
    if (property.personal && role.startsWith('search')) at(`${role} property ${name} is personal and may never be searched`);
  };
  if (!IDENTIFIER.test(layer.id)) at('the id must be lowercase snake case');
  for (const [name, property] of Object.entries(layer.properties)) {
    if (!IDENTIFIER.test(name) || !IDENTIFIER.test(property.column)) at(`property ${name} (column ${property.column}) is not a plain lowercase name`);
  }
  if (layer.geometry.derivedFrom && !ids.has(layer.geometry.derivedFrom)) at(`geometry is derived from unknown layer ${layer.geometry.derivedFrom}`);
  if (layer.search) {
    expectProperty(layer.search.subtypeProperty, 'search subtype', ['enum']);
    expectProperty(layer.search.codeProperty, 'search code', ['string']);
    for (const name of layer.search.detailProperties ?? []) expectProperty(name, 'search detail');
    if (!IDENTIFIER.test(layer.search.kind)) at(`search kind ${layer.search.kind} is not a plain lowercase name`);
    if (layer.search.isGroupedIntoStreets && !layer.roles?.isStreetNetwork) at('only the street network is searched as streets');
    const importance = layer.search.importance ?? 0;
    if (importance < 0 || importance > 0.25) at(`search importance ${importance} is outside 0 to 0.25`);
    const subtypes = layer.properties[layer.search.subtypeProperty]?.values ?? {};
    for (const [value, bonus] of Object.entries(layer.search.subtypeImportance ?? {})) {
      if (!Object.hasOwn(subtypes, value)) at(`search subtype importance names ${value}, which ${layer.search.subtypeProperty} does not allow`);
      if (bonus < 0 || importance + bonus > 0.25) at(`search importance of ${value} takes it outside 0 to 0.25`);
    }
  }
  const generalisation = layer.generalisation;
  if (generalisation) {
    const zooms = generalisation.kind === 'lines' ? [generalisation.minzoom, generalisation.maxzoom] : Object.keys(generalisation.cellUnits).map(Number);
    for (const zoom of zooms) {
      if (zoom < layer.tiles.minzoom || zoom > layer.tiles.maxzoom) at(`generalised zoom ${zoom} is outside the layer's zooms`);
    }
    if (generalisation.kind === 'points') {
      if (!layer.geometry.types.some((type) => type === 'Point' || type === 'Polygon')) at('points generalisation needs points or polygons');
      for (const [zoom, cell] of Object.entries(generalisation.cellUnits)) {
        if (!Number.isInteger(cell) || cell < 1 || cell > layer.tiles.buffer) at(`generalised cell at zoom ${zoom} must be 1 to ${layer.tiles.buffer} tile units`);
      }
    }
  }
  for (const [name, measure] of Object.entries(layer.statistics ?? {})) problems.push(...measureProblems(layer, name, measure));
  if (layer.hierarchy) problems.push(...hierarchyProblems(layer, layer.hierarchy));
  for (const rule of layer.rowRules ?? []) {
    for (const name of rule.properties) expectProperty(name, `row rule ${rule.constraint}`);
    if (!IDENTIFIER.test(rule.constraint)) at(`row rule constraint ${rule.constraint} is not a plain lowercase name`);
  }
  return problems;
}

/** A hierarchy's levels are its enum's values, each parent level one of them, and one level at least is a top. */
function hierarchyProblems(layer: LayerDefinition, hierarchy: HierarchyDeclaration): string[] {
  const prefix = `layer ${layer.id}: hierarchy`;
  const level = layer.properties[hierarchy.levelProperty];
  const parent = layer.properties[hierarchy.parentProperty];
  if (level?.type !== 'enum') return [`${prefix} level property ${hierarchy.levelProperty} is not an enum of the layer`];
  if (parent?.type !== 'integer' || parent.references !== layer.id) return [`${prefix} parent property ${hierarchy.parentProperty} must be an integer referencing ${layer.id}`];
  const levels = Object.keys(level.values ?? {});
  const problems: string[] = [];
  for (const value of levels) if (!hierarchy.parentLevels[value]) problems.push(`${prefix} says nothing of level ${value}`);
  for (const [value, parents] of Object.entries(hierarchy.parentLevels)) {
    for (const name of [value, ...parents]) if (!levels.includes(name)) problems.push(`${prefix} names level ${name}, which ${hierarchy.levelProperty} does not allow`);
  }
  if (!Object.values(hierarchy.parentLevels).some((parents) => parents.length === 0)) problems.push(`${prefix} has no top level`);
  if (!levels.includes(hierarchy.cityLevel)) problems.push(`${prefix} city level ${hierarchy.cityLevel} is not a level`);
  if (!IDENTIFIER.test(hierarchy.constraint)) problems.push(`${prefix} constraint ${hierarchy.constraint} is not a plain lowercase name`);
  return problems;
}

function measureProblems(layer: LayerDefinition, name: string, measure: StatisticMeasure): string[] {
  const problems: string[] = [];
  const property = layer.properties[measure.property];
  const prefix = `layer ${layer.id}: statistic ${name}`;
  if (!property) return [`${prefix} names property ${measure.property}, which the layer does not declare`];
  if (property.personal) problems.push(`${prefix} uses personal property ${measure.property}`);
  if (measure.kind === 'average') {
    if (property.type !== 'integer' && property.type !== 'number') problems.push(`${prefix}: ${measure.property} is not a number`);
    return problems;
  }
  for (const value of measure.values) {
    if (!property.values?.[value]) problems.push(`${prefix}: ${measure.property} has no value ${value}`);
  }
  if (measure.kind !== 'share' && layer.properties[measure.dateProperty]?.type !== 'date') {
    problems.push(`${prefix}: ${measure.dateProperty} is not a date property`);
  }
  return problems;
}

/**
 * Checks what can be checked without a database: unique ids, exactly one layer of admin areas, at most one
 * street network, and every property a layer's search, generalisation or statistics names exists with the
 * right type (and is never personal). The registry refuses to exist otherwise.
 */
export function assertLayersConsistent(layers: readonly LayerDefinition[]): void {
  const ids = new Set(layers.map((layer) => layer.id));
  const problems: string[] = [];
  if (ids.size !== layers.length) problems.push('duplicate layer id');
  const areaLayers = layers.filter((layer) => layer.roles?.isAdminAreas);
  if (areaLayers.length !== 1) problems.push(`exactly one layer must hold the admin areas (roles.isAdminAreas), found ${areaLayers.length}`);
  if (layers.filter((layer) => layer.roles?.isStreetNetwork).length > 1) problems.push('at most one layer may be the street network');
  const kinds = layers.flatMap((layer) => (layer.search ? [layer.search.kind] : []));
  if (new Set(kinds).size !== kinds.length) problems.push('two layers share a search kind');
  for (const layer of layers) problems.push(...layerProblems(layer, ids));
  if (problems.length > 0) throw new RegistryDeclarationError(problems);
}
