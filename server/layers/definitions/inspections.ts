import { defineLayer } from '../define-layer.ts';
import { VIOLATION_VALUES } from './hygiene-violations.ts';
import { dateNotBefore } from './row-rules.ts';
import { GRADE_VALUES } from './shared-properties.ts';

/** Hygiene inspections; each sits at its establishment's place (kept in step by a database trigger). */
export const inspections = defineLayer({
  id: 'inspections',
  title: { fr: 'Inspections d’hygiène', ar: 'عمليات المراقبة الصحية', en: 'Hygiene inspections' },
  description: {
    fr: 'Contrôles d’hygiène : date, score, note, infractions, suite donnée.',
    ar: 'مراقبات حفظ الصحة: التاريخ والنقطة والتقدير والمخالفات والإجراء المتخذ.',
    en: 'Hygiene inspections: date, score, grade, violations, outcome.',
  },
  family: 'hygiene',
  geometry: { types: ['Point'], isDerived: true, derivedFrom: 'establishments' },
  properties: {
    establishment_id: {
      column: 'establishment_id',
      type: 'integer',
      label: { fr: 'Établissement', ar: 'المؤسسة', en: 'Establishment' },
      references: 'establishments',
      required: true,
      min: 1,
      filterable: true,
      inTiles: true,
    },
    inspected_on: {
      column: 'inspected_on',
      type: 'date',
      label: { fr: 'Date du contrôle', ar: 'تاريخ المراقبة', en: 'Inspected on' },
      required: true,
      filterable: true,
      inTiles: true,
    },
    inspector_name: {
      column: 'inspector_name',
      type: 'string',
      label: { fr: 'Inspecteur', ar: 'المراقب', en: 'Inspector' },
      required: true,
      max: 200,
      personal: true,
      inTiles: true,
    },
    score: {
      column: 'score',
      type: 'integer',
      label: { fr: 'Score', ar: 'النقطة', en: 'Score' },
      unit: '/100',
      required: true,
      min: 0,
      max: 100,
      filterable: true,
      inTiles: true,
    },
    grade: {
      column: 'grade',
      type: 'enum',
      label: { fr: 'Note', ar: 'التقدير', en: 'Grade' },
      values: GRADE_VALUES,
      required: true,
      filterable: true,
      inTiles: true,
    },
    violations: {
      column: 'violations',
      type: 'string_list',
      label: { fr: 'Infractions constatées', ar: 'المخالفات المسجلة', en: 'Violations found' },
      values: VIOLATION_VALUES,
    },
    outcome: {
      column: 'outcome',
      type: 'enum',
      label: { fr: 'Suite donnée', ar: 'الإجراء المتخذ', en: 'Outcome' },
      values: {
        compliant: { fr: 'Conforme', ar: 'مطابق', en: 'Compliant' },
        minor_violations: { fr: 'Infractions mineures', ar: 'مخالفات بسيطة', en: 'Minor violations' },
        major_violations: { fr: 'Infractions majeures', ar: 'مخالفات جسيمة', en: 'Major violations' },
        closure_ordered: { fr: 'Fermeture ordonnée', ar: 'أمر بالإغلاق', en: 'Closure ordered' },
      },
      required: true,
      filterable: true,
      inTiles: true,
    },
    follow_up_on: {
      column: 'follow_up_on',
      type: 'date',
      label: { fr: 'Contre-visite', ar: 'زيارة المتابعة', en: 'Follow-up visit' },
      filterable: true,
    },
    notes: {
      column: 'notes',
      type: 'string',
      label: { fr: 'Observations', ar: 'ملاحظات', en: 'Notes' },
      max: 4000,
    },
  },
  primaryDateProperty: 'inspected_on',
  rowRules: [
    dateNotBefore('follow_up_on', 'inspected_on', 'inspections_check', {
      fr: 'la contre-visite ne peut précéder le contrôle', ar: 'لا يمكن أن تسبق زيارة المتابعة المراقبة', en: 'the follow-up cannot come before the inspection',
    }),
  ],
  tiles: { minzoom: 12 },
  generalisation: { kind: 'points', cellUnits: { 12: 64, 13: 32 } },
  statistics: {
    averageScore: { kind: 'average', property: 'score', digits: 1 },
    failingShare: { kind: 'share', property: 'grade', values: ['C'], digits: 3 },
  },
  access: 'inspectorOnly',
  style: {
    kind: 'circle',
    color: '#7f8c8d',
    colorProperty: 'outcome',
    colorByValue: {
      compliant: '#1a9c8a',
      minor_violations: '#e0b03a',
      major_violations: '#d9682b',
      closure_ordered: '#8c2d04',
    },
    size: 4,
  },
  isVisibleByDefault: false,
});
