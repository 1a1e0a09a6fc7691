import type { LayerDefinition } from '../layers/layer-definition.ts';
import { isEditable, toJsonPointer } from '../layers/property-validation.ts';
import { convertValue } from './convert-value.ts';
import { fileIssue, type ImportIssue, labels, listNames } from './import-issue.ts';
import type { ImportOptions } from './import-options.ts';
import { splitByScript } from './split-by-script.ts';

/** How the attributes of one file become properties of one layer; built once, applied to each feature. */
export interface AttributePlan {
  /** Source attribute name → property API name. */
  targets: ReadonlyMap<string, string>;
  /** Source attributes left out (dropped with `--map a=`, or unknown / read-only with `--ignore-unknown`). */
  ignored: readonly string[];
  /** Property → text written on every feature. */
  constants: Readonly<Record<string, string>>;
  /** Property → source value → replacement, applied before conversion. */
  valueMaps: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Source attribute holding two scripts → [property of its Latin part, property of its Arabic part]. */
  splits: ReadonlyMap<string, readonly [string, string]>;
}

/** A feature's properties after mapping, with where each came from (for messages). */
export interface MappedProperties {
  properties: Record<string, unknown>;
  /** Property → source attribute it was read from (absent for constants). */
  origins: Record<string, string>;
  /** Property → the value the source held for it, before any replacement or conversion. */
  sources: Record<string, unknown>;
}

/**
 * Attributes that options use for something else than a property (the source key, the parent link, a
 * filter, a name split in two): never reported as unknown.
 */
function consumedAttributes(options: ImportOptions): Set<string> {
  return new Set([
    ...(options.key ? [options.key] : []),
    ...(options.parent ? [options.parent.attribute] : []),
    ...Object.values(options.deriveParents?.from ?? {}),
    ...Object.keys(options.only ?? {}),
    ...Object.keys(options.splitByScript ?? {}),
  ]);
}

/**
 * Decides, for the attributes found in a file, which property each one feeds. Issues (unknown attributes,
 * unknown targets, two attributes for one property) concern the whole file, so they are reported once,
 * not once per feature.
 */
export function planAttributes(attributes: readonly string[], layer: LayerDefinition, options: ImportOptions): { plan: AttributePlan; issues: ImportIssue[] } {
  const editable = Object.keys(layer.properties).filter((name) => isEditable(layer.properties[name]!));
  const issues: ImportIssue[] = [];
  const explicit = resolveExplicitMap(attributes, layer, options.attributeMap ?? {}, editable, issues);
  const consumed = consumedAttributes(options);
  const splits = resolveSplits(attributes, options.splitByScript ?? {}, editable, issues);
  const targets = new Map<string, string>();
  const ignored: string[] = [];
  const unknown: string[] = [];
  const readOnly: string[] = [];
  for (const attribute of attributes) {
    const target = explicit.has(attribute) ? explicit.get(attribute) : findProperty(layer, attribute);
    // An attribute an option uses (the key, the parent link...) is never unknown: it feeds a property only
    // when one has its name.
    if (consumed.has(attribute) && target === undefined) continue;
    if (target === '') ignored.push(attribute);
    else if (target === undefined) (options.isUnknownIgnored ? ignored : unknown).push(attribute);
    else if (!isEditable(layer.properties[target]!)) (options.isUnknownIgnored ? ignored : readOnly).push(attribute);
    else targets.set(attribute, target);
  }
  if (unknown.length > 0) issues.push(unknownAttributesIssue(unknown, editable));
  if (readOnly.length > 0) issues.push(readOnlyAttributesIssue(readOnly));
  const constants = options.constants ?? {};
  const valueMaps = options.valueMaps ?? {};
  for (const name of [...Object.keys(constants), ...Object.keys(valueMaps)]) {
    if (!editable.includes(name)) issues.push(unknownTargetIssue(name, editable, '--set / --map-value'));
  }
  for (const attribute of [...Object.keys(options.only ?? {}), ...(options.key ? [options.key] : []), ...(options.parent ? [options.parent.attribute] : []), ...Object.values(options.deriveParents?.from ?? {})]) {
    if (!attributes.includes(attribute)) issues.push(missingAttributeIssue(attribute, attributes));
  }
  issues.push(...duplicateTargetIssues(targets, constants, splits));
  return { plan: { targets, ignored, constants, valueMaps, splits }, issues };
}

/** `--split-by-script name=name_fr,name_ar`: the attribute must exist and both targets be editable properties. */
function resolveSplits(attributes: readonly string[], splits: Readonly<Record<string, readonly [string, string]>>, editable: string[], issues: ImportIssue[]): Map<string, readonly [string, string]> {
  const resolved = new Map<string, readonly [string, string]>();
  for (const [attribute, targets] of Object.entries(splits)) {
    if (!attributes.includes(attribute)) {
      issues.push(missingAttributeIssue(attribute, attributes));
      continue;
    }
    const wrong = targets.filter((target) => !editable.includes(target));
    for (const target of wrong) issues.push(unknownTargetIssue(target, editable, `--split-by-script ${attribute}=${targets.join(',')}`));
    if (wrong.length === 0) resolved.set(attribute, targets);
  }
  return resolved;
}

function missingAttributeIssue(attribute: string, attributes: readonly string[]): ImportIssue {
  return fileIssue('unknown-map-source', labels(
    `le fichier n’a pas d’attribut « ${attribute} » (attributs : ${listNames(attributes)})`,
    `لا يحتوي الملف على الخاصية « ${attribute} » (الخصائص: ${listNames(attributes)})`,
    `the file has no attribute "${attribute}" (attributes: ${listNames(attributes)})`,
  ), toJsonPointer('properties', attribute));
}

/** Applies the plan to one feature: renames, replaces listed values, converts each value to its property type. */
export function mapProperties(source: Readonly<Record<string, unknown>>, layer: LayerDefinition, plan: AttributePlan): MappedProperties {
  const properties: Record<string, unknown> = {};
  const origins: Record<string, string> = {};
  const sources: Record<string, unknown> = {};
  const take = (attribute: string, target: string, value: unknown) => {
    sources[target] = value ?? null;
    origins[target] = attribute;
    const converted = convertValue(replaceValue(value, plan.valueMaps[target]), layer.properties[target]!.type);
    // An absent value is left out rather than written as null: what the source does not say stays unknown.
    if (converted !== null) properties[target] = converted;
  };
  for (const [attribute, target] of plan.targets) {
    if (Object.hasOwn(source, attribute)) take(attribute, target, source[attribute]);
  }
  for (const [attribute, [latinTarget, arabicTarget]] of plan.splits) {
    const value = source[attribute];
    const { latin, arabic } = typeof value === 'string' ? splitByScript(value) : { latin: null, arabic: null };
    take(attribute, latinTarget, latin);
    take(attribute, arabicTarget, arabic);
  }
  for (const [target, text] of Object.entries(plan.constants)) {
    const property = layer.properties[target];
    if (property) properties[target] = convertValue(replaceValue(text, plan.valueMaps[target]), property.type);
  }
  return { properties, origins, sources };
}

function replaceValue(value: unknown, map: Readonly<Record<string, string>> | undefined): unknown {
  if (!map || value === null || value === undefined || typeof value === 'object') return value;
  const key = String(value);
  return Object.hasOwn(map, key) ? map[key] : value;
}

/** The property whose API name equals the attribute name, ignoring case. */
function findProperty(layer: LayerDefinition, attribute: string): string | undefined {
  const lower = attribute.toLowerCase();
  return Object.keys(layer.properties).find((name) => name.toLowerCase() === lower);
}

function resolveExplicitMap(
  attributes: readonly string[],
  layer: LayerDefinition,
  map: Readonly<Record<string, string>>,
  editable: string[],
  issues: ImportIssue[],
): Map<string, string> {
  const resolved = new Map<string, string>();
  for (const [source, target] of Object.entries(map)) {
    const attribute = attributes.find((name) => name === source) ?? attributes.find((name) => name.toLowerCase() === source.toLowerCase());
    if (attribute === undefined) {
      issues.push(fileIssue('unknown-map-source', labels(
        `--map ${source}=… : le fichier n’a pas d’attribut « ${source} » (attributs : ${listNames(attributes)})`,
        `--map ${source}=…: لا يحتوي الملف على الخاصية « ${source} » (الخصائص: ${listNames(attributes)})`,
        `--map ${source}=…: the file has no attribute "${source}" (attributes: ${listNames(attributes)})`,
      ), toJsonPointer('properties', source)));
      continue;
    }
    const property = findProperty(layer, target);
    if (target !== '' && (property === undefined || !editable.includes(property))) {
      issues.push(unknownTargetIssue(target, editable, `--map ${source}=${target}`));
      // Already reported: do not report the attribute a second time as unknown.
      resolved.set(attribute, '');
      continue;
    }
    resolved.set(attribute, target === '' ? '' : property!);
  }
  return resolved;
}

function duplicateTargetIssues(targets: ReadonlyMap<string, string>, constants: Readonly<Record<string, string>>, splits: ReadonlyMap<string, readonly [string, string]>): ImportIssue[] {
  const sources = new Map<string, string[]>();
  for (const [attribute, target] of targets) sources.set(target, [...(sources.get(target) ?? []), attribute]);
  for (const [attribute, split] of splits) for (const target of split) sources.set(target, [...(sources.get(target) ?? []), `--split-by-script ${attribute}`]);
  for (const target of Object.keys(constants)) sources.set(target, [...(sources.get(target) ?? []), `--set ${target}`]);
  return [...sources].filter(([, from]) => from.length > 1).map(([target, from]) => fileIssue('duplicate-target', labels(
    `La propriété ${target} recevrait plusieurs valeurs (${from.join(', ')}) ; retirez-en avec --map attribut=`,
    `الخاصية ${target} ستتلقى عدة قيم (${from.join(', ')})؛ احذف بعضها بـ --map attribut=`,
    `Property ${target} would get several values (${from.join(', ')}); drop some with --map attribute=`,
  ), toJsonPointer('properties', target)));
}

function unknownAttributesIssue(unknown: string[], editable: string[]): ImportIssue {
  return fileIssue('unknown-attribute', labels(
    `Attributs sans propriété correspondante : ${listNames(unknown)}. Propriétés de la couche : ${listNames(editable)}. Utilisez --map attribut=propriété, --map attribut= pour l’écarter, ou --ignore-unknown.`,
    `خصائص بلا مقابل في الطبقة: ${listNames(unknown)}. خصائص الطبقة: ${listNames(editable)}. استعمل --map attribut=propriété أو --map attribut= لاستبعادها أو --ignore-unknown.`,
    `Attributes matching no property: ${listNames(unknown)}. Layer properties: ${listNames(editable)}. Use --map attribute=property, --map attribute= to drop one, or --ignore-unknown.`,
  ), '/properties');
}

function readOnlyAttributesIssue(readOnly: string[]): ImportIssue {
  return fileIssue('read-only-attribute', labels(
    `Attributs en lecture seule, tenus à jour par le serveur : ${listNames(readOnly)}. Écartez-les (--map attribut= ou --ignore-unknown).`,
    `خصائص للقراءة فقط يحدّثها الخادم: ${listNames(readOnly)}. استبعدها (--map attribut= أو --ignore-unknown).`,
    `Read-only attributes maintained by the server: ${listNames(readOnly)}. Drop them (--map attribute= or --ignore-unknown).`,
  ), '/properties');
}

function unknownTargetIssue(target: string, editable: string[], option: string): ImportIssue {
  return fileIssue('unknown-map-target', labels(
    `${option} : « ${target} » n’est pas une propriété modifiable de la couche (${listNames(editable)})`,
    `${option}: « ${target} » ليست خاصية قابلة للتعديل في الطبقة (${listNames(editable)})`,
    `${option}: "${target}" is not an editable property of the layer (${listNames(editable)})`,
  ), toJsonPointer('properties', target));
}
