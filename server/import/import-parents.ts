import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { PropertyValue } from '../layers/property-validation.ts';
import { fileIssue, type ImportIssue, labels } from './import-issue.ts';
import type { ImportOptions } from './import-options.ts';
import type { ImportRow } from './import-row.ts';

/** Where a feature's parent is: another feature of the file, a feature already in the layer, or a derived parent. */
export type ParentRef =
  | { kind: 'row'; featureIndex: number }
  | { kind: 'existing'; id: number; level: string | null }
  | { kind: 'derived'; link: string };

/** A parent made by dissolving its children (`--derive-parents`). */
export interface DerivedParent {
  link: string;
  values: Record<string, PropertyValue>;
  childIndexes: number[];
  /** The feature of the layer it replaces, when one already has this link value (a refresh). */
  existingId?: number;
}

/** A feature already in the layer, found by the value of the linking property. */
export interface ExistingParent {
  id: number;
  link: string;
  level: string | null;
}

export interface ParentLinks {
  parents: Map<number, ParentRef>;
  derived: DerivedParent[];
  issues: ImportIssue[];
}

function notFound(row: ImportRow, attribute: string, property: string): ImportIssue {
  return {
    featureIndex: row.featureIndex,
    pointer: `/properties/${attribute}`,
    code: 'parent-not-found',
    message: labels(
      `aucune zone de la couche ni du fichier n’a ${property} = « ${row.parentLink} »`,
      `لا توجد منطقة في الطبقة ولا في الملف لها ${property} = « ${row.parentLink} »`,
      `no area of the layer or of the file has ${property} = "${row.parentLink}"`,
    ),
    hint: labels('importez d’abord les parents, ou ajoutez --derive-parents <niveau>', 'استورد المناطق الأم أولًا أو أضف --derive-parents <niveau>', 'import the parents first, or add --derive-parents <level>'),
  };
}

/** The values a derived parent takes from its children (`--parent-from`): they must agree. */
function derivedValues(link: string, children: readonly ImportRow[], options: ImportOptions, layer: LayerDefinition): { values: Record<string, PropertyValue>; issues: ImportIssue[] } {
  const derive = options.deriveParents!;
  const hierarchy = layer.hierarchy;
  const values: Record<string, PropertyValue> = { [options.parent!.property]: link };
  if (hierarchy) values[hierarchy.levelProperty] = derive.level;
  const issues: ImportIssue[] = [];
  for (const property of Object.keys(derive.from)) {
    const given = children.map((child) => child.parentValues?.[property]).filter((value) => value !== null && value !== undefined);
    const found = [...new Map(given.map((value) => [JSON.stringify(value), value])).values()];
    if (found.length === 1) values[property] = found[0] as PropertyValue;
    if (found.length > 1) {
      issues.push(fileIssue('parents-disagree', labels(
        `les zones rattachées à « ${link} » donnent plusieurs valeurs de ${property} : ${found.map(String).join(', ')}`,
        `المناطق التابعة لـ « ${link} » تعطي عدة قيم لـ ${property}: ${found.map(String).join('، ')}`,
        `the areas belonging to "${link}" give several values of ${property}: ${found.map(String).join(', ')}`,
      ), `/properties/${property}`));
    }
  }
  return { values, issues };
}

/**
 * Finds each row's parent by the value its parent has for the linking property (`--parent attribute=property`):
 * a feature of the file first, then a feature already in the layer (`existing`, unless the layer is being
 * replaced), then, with `--derive-parents`, a parent made by dissolving every row that names it. Pure.
 */
export function linkParents(layer: LayerDefinition, rows: readonly ImportRow[], options: ImportOptions, existing: readonly ExistingParent[]): ParentLinks {
  const parent = options.parent!;
  const parents = new Map<number, ParentRef>();
  const issues: ImportIssue[] = [];
  const inFile = new Map<string, number>();
  for (const row of rows) {
    const value = row.values[parent.property];
    if (value !== null && value !== undefined) inFile.set(String(value), row.featureIndex);
  }
  const inLayer = new Map(existing.map((area) => [area.link, area]));
  const orphans = new Map<string, ImportRow[]>();
  for (const row of rows) {
    if (row.parentLink === undefined) continue;
    const fromFile = inFile.get(row.parentLink);
    const fromLayer = inLayer.get(row.parentLink);
    if (fromFile !== undefined && fromFile !== row.featureIndex) parents.set(row.featureIndex, { kind: 'row', featureIndex: fromFile });
    else if (fromLayer && !options.deriveParents) parents.set(row.featureIndex, { kind: 'existing', id: fromLayer.id, level: fromLayer.level });
    else if (options.deriveParents) orphans.set(row.parentLink, [...(orphans.get(row.parentLink) ?? []), row]);
    else issues.push(notFound(row, parent.attribute, parent.property));
  }
  const derived: DerivedParent[] = [];
  for (const [link, children] of orphans) {
    const { values, issues: disagreements } = derivedValues(link, children, options, layer);
    issues.push(...disagreements);
    const replaced = inLayer.get(link);
    derived.push({ link, values, childIndexes: children.map((child) => child.featureIndex), ...(replaced ? { existingId: replaced.id } : {}) });
    for (const child of children) parents.set(child.featureIndex, { kind: 'derived', link });
  }
  return { parents, derived, issues };
}

/** `--parent` and `--derive-parents` must name a property and a level the layer has. */
export function parentOptionIssues(layer: LayerDefinition, options: ImportOptions): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const hierarchy = layer.hierarchy;
  if (options.parent) {
    if (!hierarchy) {
      issues.push(fileIssue('unknown-map-target', labels(`--parent : la couche ${layer.id} n’a pas de hiérarchie`, `--parent: الطبقة ${layer.id} بلا تسلسل`, `--parent: layer ${layer.id} has no hierarchy`)));
    } else if (!layer.properties[options.parent.property]) {
      issues.push(fileIssue('unknown-map-target', labels(`--parent : ${options.parent.property} n’est pas une propriété de ${layer.id}`, `--parent: ${options.parent.property} ليست خاصية من ${layer.id}`, `--parent: ${options.parent.property} is not a property of ${layer.id}`), `/properties/${options.parent.property}`));
    }
  }
  if (options.deriveParents && hierarchy && !Object.hasOwn(hierarchy.parentLevels, options.deriveParents.level)) {
    const levels = Object.keys(hierarchy.parentLevels).join(', ');
    issues.push(fileIssue('unknown-level', labels(`--derive-parents : niveau inconnu ${options.deriveParents.level} (${levels})`, `--derive-parents: مستوى غير معروف ${options.deriveParents.level} (${levels})`, `--derive-parents: unknown level ${options.deriveParents.level} (${levels})`)));
  }
  if (options.deriveParents && !layer.geometry.types.some((type) => type.endsWith('Polygon'))) {
    issues.push(fileIssue('unknown-level', labels(`--derive-parents : les objets de ${layer.id} ne sont pas des surfaces`, `--derive-parents: كائنات ${layer.id} ليست مساحات`, `--derive-parents: the features of ${layer.id} are not areas`)));
  }
  for (const property of Object.keys(options.deriveParents?.from ?? {})) {
    if (!layer.properties[property]) issues.push(fileIssue('unknown-map-target', labels(`--parent-from : ${property} n’est pas une propriété de ${layer.id}`, `--parent-from: ${property} ليست خاصية من ${layer.id}`, `--parent-from: ${property} is not a property of ${layer.id}`), `/properties/${property}`));
  }
  return issues;
}
