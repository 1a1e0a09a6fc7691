import type { PropertyDefinition } from '../layer-definition.ts';

/** French and Arabic names of a feature that may be unnamed. */
export const OPTIONAL_NAME_PROPERTIES: Readonly<Record<string, PropertyDefinition>> = {
  name_fr: {
    column: 'name_fr',
    type: 'string',
    label: { fr: 'Nom (français)', ar: 'الاسم (بالفرنسية)', en: 'Name (French)' },
    max: 200,
    filterable: true,
    inTiles: true,
  },
  name_ar: {
    column: 'name_ar',
    type: 'string',
    label: { fr: 'Nom (arabe)', ar: 'الاسم (بالعربية)', en: 'Name (Arabic)' },
    max: 200,
    filterable: true,
    inTiles: true,
  },
};

/** The same names when every feature of the layer must have them. */
export const REQUIRED_NAME_PROPERTIES: Readonly<Record<string, PropertyDefinition>> = {
  name_fr: { ...OPTIONAL_NAME_PROPERTIES.name_fr!, required: true },
  name_ar: { ...OPTIONAL_NAME_PROPERTIES.name_ar!, required: true },
};

/** Marks data whose place was drawn by hand from public descriptions, not surveyed. */
export const IS_APPROXIMATE_PROPERTY: Readonly<Record<string, PropertyDefinition>> = {
  is_approximate: {
    column: 'is_approximate',
    type: 'boolean',
    label: { fr: 'Position approximative', ar: 'موقع تقريبي', en: 'Approximate position' },
    inTiles: true,
  },
};

export const TRANSIT_MODE_VALUES = {
  tram: { fr: 'Tramway', ar: 'الترامواي', en: 'Tram' },
  brt: { fr: 'Busway (BHNS)', ar: 'الباصواي', en: 'Busway (BRT)' },
  bus: { fr: 'Bus', ar: 'الحافلة', en: 'Bus' },
  rail: { fr: 'Train', ar: 'القطار', en: 'Rail' },
} as const;

/** Hygiene grades, shared by an establishment's latest grade and each inspection's grade. */
export const GRADE_VALUES = {
  A: { fr: 'A – satisfaisant', ar: 'أ – مرض', en: 'A – satisfactory' },
  B: { fr: 'B – à améliorer', ar: 'ب – يحتاج إلى تحسين', en: 'B – needs improvement' },
  C: { fr: 'C – insuffisant', ar: 'ج – غير كاف', en: 'C – unsatisfactory' },
} as const;

export const IS_ACCESSIBLE_PROPERTY: Readonly<Record<string, PropertyDefinition>> = {
  is_accessible: {
    column: 'is_accessible',
    type: 'boolean',
    label: { fr: 'Accessible PMR', ar: 'ولوجة للأشخاص ذوي الإعاقة', en: 'Step-free access' },
    inTiles: true,
  },
};
