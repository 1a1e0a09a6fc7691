import { defineLayer } from '../define-layer.ts';
import { GRADE_VALUES } from './shared-properties.ts';

/** Establishments under hygiene control (food, accommodation, personal care). */
export const establishments = defineLayer({
  id: 'establishments',
  title: { fr: 'Établissements contrôlés', ar: 'المؤسسات الخاضعة للمراقبة', en: 'Inspected establishments' },
  description: {
    fr: 'Établissements soumis au contrôle d’hygiène et leur dernière note.',
    ar: 'المؤسسات الخاضعة لمراقبة حفظ الصحة وآخر تنقيط لها.',
    en: 'Establishments under hygiene control and their latest grade.',
  },
  family: 'hygiene',
  geometry: { types: ['Point'] },
  properties: {
    name_fr: {
      column: 'name_fr',
      type: 'string',
      label: { fr: 'Enseigne', ar: 'الاسم التجاري', en: 'Trading name' },
      required: true,
      max: 200,
      filterable: true,
      inTiles: true,
    },
    name_ar: {
      column: 'name_ar',
      type: 'string',
      label: { fr: 'Enseigne (arabe)', ar: 'الاسم التجاري (بالعربية)', en: 'Trading name (Arabic)' },
      max: 200,
      inTiles: true,
    },
    category: {
      column: 'category',
      type: 'enum',
      label: { fr: 'Catégorie', ar: 'الفئة', en: 'Category' },
      values: {
        restaurant: { fr: 'Restaurant', ar: 'مطعم', en: 'Restaurant' },
        cafe: { fr: 'Café', ar: 'مقهى', en: 'Café' },
        bakery: { fr: 'Boulangerie', ar: 'مخبزة', en: 'Bakery' },
        butcher: { fr: 'Boucherie', ar: 'مجزرة', en: 'Butcher' },
        fishmonger: { fr: 'Poissonnerie', ar: 'محل بيع السمك', en: 'Fishmonger' },
        grocery: { fr: 'Épicerie', ar: 'بقالة', en: 'Grocery' },
        supermarket: { fr: 'Grande surface', ar: 'متجر كبير', en: 'Supermarket' },
        market_stall: { fr: 'Étal de marché', ar: 'محل بالسوق', en: 'Market stall' },
        hotel: { fr: 'Hôtel', ar: 'فندق', en: 'Hotel' },
        food_factory: { fr: 'Unité agroalimentaire', ar: 'وحدة للصناعة الغذائية', en: 'Food factory' },
        hammam: { fr: 'Hammam', ar: 'حمام', en: 'Hammam' },
        hair_salon: { fr: 'Salon de coiffure', ar: 'صالون حلاقة', en: 'Hair salon' },
      },
      required: true,
      filterable: true,
      inTiles: true,
    },
    address_fr: {
      column: 'address_fr',
      type: 'string',
      label: { fr: 'Adresse', ar: 'العنوان', en: 'Address' },
      max: 300,
    },
    operator_name: {
      column: 'operator_name',
      type: 'string',
      label: { fr: 'Exploitant', ar: 'المستغل', en: 'Operator' },
      max: 200,
      personal: true,
      inTiles: true,
    },
    latest_grade: {
      column: 'latest_grade',
      type: 'enum',
      label: { fr: 'Dernière note', ar: 'آخر تنقيط', en: 'Latest grade' },
      values: GRADE_VALUES,
      filterable: true,
      inTiles: true,
    },
  },
  nameProperties: { fr: 'name_fr', ar: 'name_ar' },
  tiles: { minzoom: 12 },
  // Hygiene grades are published, as cities with public food-hygiene ratings do; the operator is not.
  search: { kind: 'establishment', kindLabel: { fr: 'Établissement', ar: 'مؤسسة', en: 'Establishment' }, weight: 0.8, subtypeProperty: 'category' },
  access: 'inspectorFiles',
  style: {
    kind: 'circle',
    color: '#7f8c8d',
    colorProperty: 'latest_grade',
    colorByValue: { A: '#1a9c8a', B: '#e0b03a', C: '#d9682b' },
    size: 5,
  },
});
