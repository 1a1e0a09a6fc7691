import type { LayerDefinition } from '../layers/layer-definition.ts';
import { isEditable, toJsonPointer } from '../layers/property-validation.ts';
import { convertValue } from './convert-value.ts';
import { fileIssue, type ImportIssue, labels, listNames } from './import-issue.ts';
import type { ImportOptions } from './import-options.ts';

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
}

/** A feature's properties after mapping, with where each came from (for messages). */
export interface MappedProperties {
  properties: Record<string, unknown>;
  /** Property → source attribute it was read from (absent for constants). */
  origins: Record<string, string>;
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
  const targets = new Map<string, string>();
  const ignored: string[] = [];
  const unknown: string[] = [];
  const readOnly: string[] = [];
  for (const attribute of attributes) {
    const target = explicit.has(attribute) ? explicit.get(attribute) : findProperty(layer, attribute);
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
  issues.push(...duplicateTargetIssues(targets, constants));
  return { plan: { targets, ignored, constants, valueMaps }, issues };
}

/** Applies the plan to one feature: renames, replaces listed values, converts each value to its property type. */
export function mapProperties(source: Readonly<Record<string, unknown>>, layer: LayerDefinition, plan: AttributePlan): MappedProperties {
  const properties: Record<string, unknown> = {};
  const origins: Record<string, string> = {};
  for (const [attribute, target] of plan.targets) {
    if (!Object.hasOwn(source, attribute)) continue;
    const value = source[attribute];
    const replaced = replaceValue(value, plan.valueMaps[target]);
    const converted = convertValue(replaced, layer.properties[target]!.type);
    // An absent value is left out rather than written as null, so that the column default applies.
    if (converted === null) continue;
    properties[target] = converted;
    origins[target] = attribute;
  }
  for (const [target, text] of Object.entries(plan.constants)) {
    const property = layer.properties[target];
    if (property) properties[target] = convertValue(replaceValue(text, plan.valueMaps[target]), property.type);
  }
  return { properties, origins };
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

function duplicateTargetIssues(targets: ReadonlyMap<string, string>, constants: Readonly<Record<string, string>>): ImportIssue[] {
  const sources = new Map<string, string[]>();
  for (const [attribute, target] of targets) sources.set(target, [...(sources.get(target) ?? []), attribute]);
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
