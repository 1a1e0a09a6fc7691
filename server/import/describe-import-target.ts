import type { HierarchyDeclaration, Labels, LayerDefinition, PropertyDefinition } from '../layers/layer-definition.ts';
import { isEditable } from '../layers/property-validation.ts';
import type { Language } from './format-import-report.ts';

/**
 * What a file must give to go into a layer, as `npm run import -- <layer> --help` prints it: each property
 * an import may set (type, required, allowed values, bounds, whether null means unknown) and the rules over
 * whole rows (the hierarchy's required parent, the registry's row rules), all read from the registry, so
 * that an officer learns before importing that an arrondissement needs its préfecture. Pure.
 */

const WORDS = {
  layer: { fr: 'Couche', ar: 'الطبقة', en: 'Layer' },
  geometry: { fr: 'géométrie', ar: 'الهندسة', en: 'geometry' },
  properties: { fr: 'Propriétés (attributs du même nom, ou --map) :', ar: 'الخصائص (سمات بالاسم نفسه، أو --map):', en: 'Properties (attributes of the same name, or --map):' },
  rules: { fr: 'Règles vérifiées avant toute écriture :', ar: 'قواعد يُتحقق منها قبل أي كتابة:', en: 'Rules checked before anything is written:' },
  required: { fr: 'obligatoire', ar: 'إلزامية', en: 'required' },
  unknown: { fr: 'vide = inconnu', ar: 'فارغة = غير معروفة', en: 'empty = unknown' },
  values: { fr: 'valeurs', ar: 'القيم', en: 'values' },
  idOf: { fr: 'identifiant d’un objet de', ar: 'معرف كائن من', en: 'id of a feature of' },
  atMost: { fr: 'au plus', ar: 'على الأكثر', en: 'at most' },
  characters: { fr: 'caractères', ar: 'حرفًا', en: 'characters' },
} satisfies Record<string, Labels>;

function levelName(layer: LayerDefinition, hierarchy: HierarchyDeclaration, level: string, language: Language): string {
  return `${layer.properties[hierarchy.levelProperty]?.values?.[level]?.[language] ?? level} (${level})`;
}

function bounds(property: PropertyDefinition, language: Language): string | undefined {
  if (property.type === 'string' && property.max !== undefined) return `${WORDS.atMost[language]} ${property.max} ${WORDS.characters[language]}`;
  if (property.min === undefined && property.max === undefined) return undefined;
  const unit = property.unit ? ` ${property.unit}` : '';
  if (property.max === undefined) return `≥ ${property.min}${unit}`;
  if (property.min === undefined) return `≤ ${property.max}${unit}`;
  return `${property.min}–${property.max}${unit}`;
}

function propertyLine(name: string, property: PropertyDefinition, language: Language): string {
  const parts = [
    property.type,
    ...(property.required ? [WORDS.required[language]] : []),
    ...(property.values ? [`${WORDS.values[language]} ${Object.keys(property.values).join(', ')}`] : []),
    ...(property.references ? [`${WORDS.idOf[language]} ${property.references}`] : []),
    ...[bounds(property, language)].filter((text): text is string => text !== undefined),
    ...(property.isUnknownWhenNull ? [WORDS.unknown[language]] : []),
  ];
  const [colon, comma] = { fr: [' : ', ', '], ar: [': ', '، '], en: [': ', ', '] }[language];
  return `  ${name.padEnd(18)} ${property.label[language]}${colon}${parts.join(comma)}`;
}

/** The hierarchy as sentences: which levels stand alone, which need a parent of which level, and how an import gives it. */
function hierarchyLines(layer: LayerDefinition, hierarchy: HierarchyDeclaration, language: Language): string[] {
  const parent = hierarchy.parentProperty;
  return Object.entries(hierarchy.parentLevels).map(([level, parents]) => {
    const own = levelName(layer, hierarchy, level, language);
    if (parents.length === 0) {
      return { fr: `  - ${own} : sans rattachement (${parent} vide)`, ar: `  - ${own}: بلا تبعية (${parent} فارغة)`, en: `  - ${own}: no parent (${parent} empty)` }[language];
    }
    const allowed = parents.map((name) => levelName(layer, hierarchy, name, language)).join(', ');
    return {
      fr: `  - ${own} : rattachée à ${allowed} par ${parent} (--parent <attribut>[:n]=code ; --derive-parents ${parents[0]} fait les parents absents)`,
      ar: `  - ${own}: تابعة لـ ${allowed} عبر ${parent} (--parent <attribut>[:n]=code ؛ --derive-parents ${parents[0]} ينشئ المناطق الأم الغائبة)`,
      en: `  - ${own}: belongs to ${allowed} through ${parent} (--parent <attribute>[:n]=code; --derive-parents ${parents[0]} makes missing parents)`,
    }[language];
  });
}

/** The registry's description of a layer for someone about to import into it, in the language. */
export function describeImportTarget(layer: LayerDefinition, language: Language): string {
  const editable = Object.entries(layer.properties).filter(([, property]) => isEditable(property));
  const rules = [
    ...(layer.hierarchy ? hierarchyLines(layer, layer.hierarchy, language) : []),
    ...(layer.rowRules ?? []).map((rule) => `  - ${rule.message[language]} (${rule.properties.join(', ')})`),
  ];
  return [
    `${WORDS.layer[language]} ${layer.id} (${layer.title[language]}), ${WORDS.geometry[language]} ${layer.geometry.types.join(' | ')}`,
    WORDS.properties[language],
    ...editable.map(([name, property]) => propertyLine(name, property, language)),
    ...(rules.length > 0 ? [WORDS.rules[language], ...rules] : []),
  ].join('\n');
}
