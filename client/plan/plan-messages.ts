import type { MessageSet } from '../i18n/define-messages.ts';

/** Strings of the planners' workspace. */
export interface PlanMessages {
  panelLabel: string;
  intro: string;
  historyHeading: string;
  historyEmpty: string;
  historyFailed: string;
  operations: Record<'create' | 'replace' | 'update' | 'delete' | 'restore', string>;
  version: (version: number) => string;
  by: (author: string) => string;
}

export const PLAN_MESSAGES: MessageSet<PlanMessages> = {
  fr: {
    panelLabel: 'Patrimoine voirie',
    intro: 'Le réseau de voirie entretenu par la commune, coloré par état. Choisissez un tronçon pour sa fiche et son historique.',
    historyHeading: 'Historique du tronçon',
    historyEmpty: 'Aucune modification depuis son chargement.',
    historyFailed: 'L’historique n’a pas pu être chargé.',
    operations: { create: 'Création', replace: 'Remplacement', update: 'Modification', delete: 'Suppression', restore: 'Restauration' },
    version: (version) => `Version ${version}`,
    by: (author) => `par ${author}`,
  },
  ar: {
    panelLabel: 'الموروث الطرقي',
    intro: 'شبكة الطرق التي تصونها الجماعة، ملونة حسب حالتها. اختر مقطعا لعرض بطاقته وتاريخه.',
    historyHeading: 'تاريخ المقطع',
    historyEmpty: 'لا توجد أي تعديلات منذ تحميله.',
    historyFailed: 'تعذر تحميل التاريخ.',
    operations: { create: 'إنشاء', replace: 'استبدال', update: 'تعديل', delete: 'حذف', restore: 'استرجاع' },
    version: (version) => `النسخة ${version}`,
    by: (author) => `بواسطة ${author}`,
  },
  en: {
    panelLabel: 'Street heritage',
    intro: 'The road network the city maintains, coloured by condition. Choose a segment for its record and history.',
    historyHeading: 'Segment history',
    historyEmpty: 'No change since it was loaded.',
    historyFailed: 'The history could not be loaded.',
    operations: { create: 'Created', replace: 'Replaced', update: 'Updated', delete: 'Deleted', restore: 'Restored' },
    version: (version) => `Version ${version}`,
    by: (author) => `by ${author}`,
  },
};
