import type { MessageSet } from '../i18n/define-messages.ts';

/** Strings of the statistics tab: the choropleth's measures, its legend and the chart. */
export interface StatisticsMessages {
  heading: string;
  measures: Record<'permits-status' | 'permits-age' | 'inspections-score' | 'inspections-failing', string>;
  /** What the colours of the map say, per measure. */
  legendTitle: Record<'permits-status' | 'permits-age' | 'inspections-score' | 'inspections-failing', string>;
  noData: string;
  chartHeading: string;
  loading: string;
  failed: string;
  empty: string;
  pendingTotal: string;
}

export const STATISTICS_MESSAGES: MessageSet<StatisticsMessages> = {
  fr: {
    heading: 'Statistiques par arrondissement',
    measures: {
      'permits-status': 'Autorisations par statut',
      'permits-age': 'Dossiers en attente par ancienneté',
      'inspections-score': 'Inspections : score moyen',
      'inspections-failing': 'Inspections : part en échec (note C)',
    },
    legendTitle: {
      'permits-status': 'Nombre d’autorisations',
      'permits-age': 'Dossiers en attente',
      'inspections-score': 'Score moyen sur 100',
      'inspections-failing': 'Part des inspections notées C',
    },
    noData: 'Sans donnée',
    chartHeading: 'Détail par arrondissement',
    loading: 'Chargement des statistiques…',
    failed: 'Les statistiques n’ont pas pu être chargées.',
    empty: 'Aucune donnée pour ces secteurs.',
    pendingTotal: 'En attente',
  },
  ar: {
    heading: 'إحصائيات حسب المقاطعة',
    measures: {
      'permits-status': 'الرخص حسب الوضعية',
      'permits-age': 'الملفات قيد الانتظار حسب الأقدمية',
      'inspections-score': 'المراقبات: متوسط النقطة',
      'inspections-failing': 'المراقبات: نسبة الرسوب (التقدير ج)',
    },
    legendTitle: {
      'permits-status': 'عدد الرخص',
      'permits-age': 'الملفات قيد الانتظار',
      'inspections-score': 'متوسط النقطة من 100',
      'inspections-failing': 'نسبة المراقبات ذات التقدير ج',
    },
    noData: 'بدون معطيات',
    chartHeading: 'التفاصيل حسب المقاطعة',
    loading: 'جارٍ تحميل الإحصائيات…',
    failed: 'تعذر تحميل الإحصائيات.',
    empty: 'لا توجد معطيات لهذه القطاعات.',
    pendingTotal: 'قيد الانتظار',
  },
  en: {
    heading: 'Statistics by arrondissement',
    measures: {
      'permits-status': 'Permits by status',
      'permits-age': 'Pending files by age',
      'inspections-score': 'Inspections: average score',
      'inspections-failing': 'Inspections: failing share (grade C)',
    },
    legendTitle: {
      'permits-status': 'Number of permits',
      'permits-age': 'Pending files',
      'inspections-score': 'Average score out of 100',
      'inspections-failing': 'Share of inspections graded C',
    },
    noData: 'No data',
    chartHeading: 'By arrondissement',
    loading: 'Loading the statistics…',
    failed: 'The statistics could not be loaded.',
    empty: 'No data for these districts.',
    pendingTotal: 'Pending',
  },
};
