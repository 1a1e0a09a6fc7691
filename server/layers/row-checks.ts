import type { HierarchyDeclaration, Labels, LayerDefinition, PropertyDefinition, RowRule } from './layer-definition.ts';
import { toJsonPointer } from './property-validation.ts';

/** Codes of the issues a whole row can raise (its properties each being valid on their own). */
export type RowIssueCode = 'row-rule' | 'parent-required' | 'parent-not-allowed' | 'parent-level';

/**
 * One rule of the registry a row breaks: where (a JSON pointer at the property the rule is about), what
 * the rule asks, and how to put it right.
 */
export interface RowIssue {
  pointer: string;
  code: RowIssueCode;
  message: Labels;
  hint: Labels;
}

function labelled(property: PropertyDefinition | undefined, name: string, text: Labels): Labels {
  const label = property?.label ?? { fr: name, ar: name, en: name };
  return { fr: `${label.fr} (${name}) : ${text.fr}`, ar: `${label.ar} (${name}): ${text.ar}`, en: `${label.en} (${name}): ${text.en}` };
}

function levelLabel(layer: LayerDefinition, hierarchy: HierarchyDeclaration, level: string): Labels {
  return layer.properties[hierarchy.levelProperty]?.values?.[level] ?? { fr: level, ar: level, en: level };
}

function list(layer: LayerDefinition, hierarchy: HierarchyDeclaration, levels: readonly string[], language: keyof Labels): string {
  return levels.map((level) => levelLabel(layer, hierarchy, level)[language]).join(', ');
}

/** The parent levels a level allows, or undefined for a value that is not a level. */
export function allowedParentLevels(hierarchy: HierarchyDeclaration, level: unknown): readonly string[] | undefined {
  return typeof level === 'string' && Object.hasOwn(hierarchy.parentLevels, level) ? hierarchy.parentLevels[level] : undefined;
}

/** A row's place in the hierarchy: a top level has no parent, any other level has one. */
function hierarchyIssues(layer: LayerDefinition, hierarchy: HierarchyDeclaration, values: Readonly<Record<string, unknown>>): RowIssue[] {
  const level = values[hierarchy.levelProperty];
  const parents = allowedParentLevels(hierarchy, level);
  if (!parents) return [];
  const hasParent = values[hierarchy.parentProperty] !== null && values[hierarchy.parentProperty] !== undefined;
  const pointer = toJsonPointer('properties', hierarchy.parentProperty);
  const property = layer.properties[hierarchy.parentProperty];
  const own = levelLabel(layer, hierarchy, String(level));
  if (parents.length === 0 && hasParent) {
    return [{
      pointer,
      code: 'parent-not-allowed',
      message: labelled(property, hierarchy.parentProperty, { fr: `une ${own.fr.toLowerCase()} n’est rattachée à aucune autre zone`, ar: `${own.ar} لا تتبع أي منطقة أخرى`, en: `a ${own.en.toLowerCase()} belongs to no other area` }),
      hint: { fr: 'laissez le rattachement vide', ar: 'اترك التبعية فارغة', en: 'leave the parent empty' },
    }];
  }
  if (parents.length > 0 && !hasParent) {
    return [{
      pointer,
      code: 'parent-required',
      message: labelled(property, hierarchy.parentProperty, {
        fr: `une ${own.fr.toLowerCase()} doit être rattachée à une zone de niveau ${list(layer, hierarchy, parents, 'fr')}`,
        ar: `يجب أن تتبع ${own.ar} منطقة من مستوى ${list(layer, hierarchy, parents, 'ar')}`,
        en: `a ${own.en.toLowerCase()} must belong to an area of level ${list(layer, hierarchy, parents, 'en')}`,
      }),
      hint: {
        fr: 'donnez le rattachement (import : --parent <attribut>=code, et --derive-parents quand les parents manquent)',
        ar: 'أعط التبعية (الاستيراد: --parent <attribut>=code و --derive-parents عند غياب المناطق الأم)',
        en: 'give the parent (import: --parent <attribute>=code, and --derive-parents when the parents are missing)',
      },
    }];
  }
  return [];
}

function ruleIssue(layer: LayerDefinition, rule: RowRule): RowIssue {
  const name = rule.properties[0]!;
  const others = rule.properties.slice(1).join(', ');
  return {
    pointer: toJsonPointer('properties', name),
    code: 'row-rule',
    message: labelled(layer.properties[name], name, rule.message),
    hint: {
      fr: `corrigez ${rule.properties.join(' ou ')}`,
      ar: `صحّح ${rule.properties.join(' أو ')}`,
      en: `correct ${name}${others ? ` or ${others}` : ''}`,
    },
  };
}

/**
 * The registry's rules over a whole row (hierarchy, row rules), for values by API name. Pure; the level of
 * the parent itself needs the database and is judged by parentLevelIssue.
 */
export function findRowIssues(layer: LayerDefinition, values: Readonly<Record<string, unknown>>): RowIssue[] {
  const issues = layer.hierarchy ? hierarchyIssues(layer, layer.hierarchy, values) : [];
  const withNulls = (name: string) => values[name] ?? null;
  for (const rule of layer.rowRules ?? []) {
    const view = Object.fromEntries(rule.properties.map((name) => [name, withNulls(name)]));
    if (!rule.isMet(view)) issues.push(ruleIssue(layer, rule));
  }
  return issues;
}

/** The issue of a row whose parent has a level its own level does not allow (an arrondissement in an arrondissement). */
export function parentLevelIssue(layer: LayerDefinition, level: unknown, parentLevel: string): RowIssue | undefined {
  const hierarchy = layer.hierarchy;
  const parents = hierarchy ? allowedParentLevels(hierarchy, level) : undefined;
  if (!hierarchy || !parents || parents.length === 0 || parents.includes(parentLevel)) return undefined;
  const own = levelLabel(layer, hierarchy, String(level));
  const theirs = levelLabel(layer, hierarchy, parentLevel);
  return {
    pointer: toJsonPointer('properties', hierarchy.parentProperty),
    code: 'parent-level',
    message: labelled(layer.properties[hierarchy.parentProperty], hierarchy.parentProperty, {
      fr: `une ${own.fr.toLowerCase()} ne peut être rattachée à une ${theirs.fr.toLowerCase()}`,
      ar: `لا يمكن أن تتبع ${own.ar} ${theirs.ar}`,
      en: `a ${own.en.toLowerCase()} cannot belong to a ${theirs.en.toLowerCase()}`,
    }),
    hint: {
      fr: `rattachez-la à une zone de niveau ${list(layer, hierarchy, parents, 'fr')}`,
      ar: `اجعلها تابعة لمنطقة من مستوى ${list(layer, hierarchy, parents, 'ar')}`,
      en: `attach it to an area of level ${list(layer, hierarchy, parents, 'en')}`,
    },
  };
}

/** The rule a database constraint enforces, by the constraint's name, with the words to report it. */
export function ruleOfConstraint(layer: LayerDefinition, constraint: string | undefined): { properties: readonly string[]; message: Labels } | undefined {
  if (!constraint) return undefined;
  const hierarchy = layer.hierarchy;
  if (hierarchy && constraint === hierarchy.constraint) {
    return {
      properties: [hierarchy.parentProperty, hierarchy.levelProperty],
      message: {
        fr: 'seules les zones de premier niveau sont sans rattachement', ar: 'المناطق من المستوى الأول وحدها بلا تبعية', en: 'only top-level areas have no parent',
      },
    };
  }
  const rule = layer.rowRules?.find((candidate) => candidate.constraint === constraint);
  return rule ? { properties: rule.properties, message: rule.message } : undefined;
}
