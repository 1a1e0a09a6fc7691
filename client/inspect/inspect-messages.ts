import type { MessageSet } from '../i18n/define-messages.ts';
import type { PluralForms } from '../i18n/plural.ts';

/** Strings of the inspectors' workspace: its panel, tabs, filters, lists and the field tools. */
export interface InspectMessages {
  panelLabel: string;
  intro: string;
  areasHeading: string;
  wholeCity: string;
  tabs: Record<'permits' | 'establishments' | 'statistics' | 'layers', string>;
  filtersHeading: string;
  anyValue: string;
  submittedFrom: string;
  submittedTo: string;
  clearFilters: string;
  bucketsHeading: string;
  /** Where the counts come from: the inspector's districts, or the whole city. */
  bucketsScope: { districts: string; city: string };
  buckets: Record<'pending-0-30' | 'pending-31-60' | 'pending-61-90' | 'pending-over-90' | 'expiring-30', string>;
  sortBy: string;
  ascending: string;
  descending: string;
  permitColumns: Record<'reference' | 'kind' | 'status' | 'submitted_on' | 'valid_until', string>;
  establishmentColumns: Record<'name' | 'category' | 'latest_grade', string>;
  permitsInView: PluralForms;
  establishmentsInView: PluralForms;
  /** Only part of a long list is loaded: zoom in or narrow the filters. */
  listTruncated: (shown: string, total: string) => string;
  listLoading: string;
  listEmpty: string;
  listContradiction: string;
  listFailed: string;
  listOffline: string;
  ageDays: PluralForms;
  noGrade: string;
  nearMe: string;
  nearMeHeading: string;
  nearMeLocating: string;
  nearMeUnavailable: string;
  nearMeEmpty: string;
  metres: (distance: string) => string;
  closeNearMe: string;
}

export const INSPECT_MESSAGES: MessageSet<InspectMessages> = {
  fr: {
    panelLabel: 'Autorisations et hygiène',
    intro: 'Les autorisations, les établissements et leurs inspections dans vos secteurs.',
    areasHeading: 'Vos secteurs',
    wholeCity: 'Toute la ville',
    tabs: { permits: 'Autorisations', establishments: 'Établissements', statistics: 'Statistiques', layers: 'Couches' },
    filtersHeading: 'Filtres',
    anyValue: 'Toutes',
    submittedFrom: 'Déposées depuis le',
    submittedTo: 'Déposées jusqu’au',
    clearFilters: 'Effacer les filtres',
    bucketsHeading: 'Dossiers par ancienneté',
    bucketsScope: { districts: 'dans vos secteurs', city: 'dans toute la ville' },
    buckets: {
      'pending-0-30': 'En attente 0–30 j',
      'pending-31-60': 'En attente 31–60 j',
      'pending-61-90': 'En attente 61–90 j',
      'pending-over-90': 'En attente + de 90 j',
      'expiring-30': 'Expirent sous 30 j',
    },
    sortBy: 'Trier par',
    ascending: 'croissant',
    descending: 'décroissant',
    permitColumns: { reference: 'Référence', kind: 'Nature', status: 'Statut', submitted_on: 'Dépôt', valid_until: 'Validité' },
    establishmentColumns: { name: 'Enseigne', category: 'Catégorie', latest_grade: 'Note' },
    permitsInView: { one: '{count} autorisation dans la vue', other: '{count} autorisations dans la vue' },
    establishmentsInView: { one: '{count} établissement dans la vue', other: '{count} établissements dans la vue' },
    listTruncated: (shown, total) => `Les ${shown} premiers sur ${total} : zoomez ou affinez les filtres.`,
    listLoading: 'Chargement de la liste…',
    listEmpty: 'Rien dans la vue ne correspond à ces filtres.',
    listContradiction: 'Ces filtres s’excluent : aucun dossier ne peut y répondre.',
    listFailed: 'La liste n’a pas pu être chargée.',
    listOffline: 'Hors connexion : la liste telle qu’elle était au dernier chargement.',
    ageDays: { one: '{count} jour', other: '{count} jours' },
    noGrade: 'Sans note',
    nearMe: 'Autour de moi',
    nearMeHeading: 'Autour de moi (500 m)',
    nearMeLocating: 'Localisation en cours…',
    nearMeUnavailable: 'Votre position n’est pas disponible.',
    nearMeEmpty: 'Rien dans un rayon de 500 m.',
    metres: (distance) => `${distance} m`,
    closeNearMe: 'Fermer la liste autour de moi',
  },
  ar: {
    panelLabel: 'الرخص وحفظ الصحة',
    intro: 'الرخص والمؤسسات وعمليات مراقبتها في قطاعاتك.',
    areasHeading: 'قطاعاتك',
    wholeCity: 'المدينة كلها',
    tabs: { permits: 'الرخص', establishments: 'المؤسسات', statistics: 'إحصائيات', layers: 'الطبقات' },
    filtersHeading: 'عوامل التصفية',
    anyValue: 'الكل',
    submittedFrom: 'مودعة منذ',
    submittedTo: 'مودعة إلى غاية',
    clearFilters: 'مسح عوامل التصفية',
    bucketsHeading: 'الملفات حسب الأقدمية',
    bucketsScope: { districts: 'في قطاعاتك', city: 'في المدينة كلها' },
    buckets: {
      'pending-0-30': 'قيد الانتظار 0–30 يومًا',
      'pending-31-60': 'قيد الانتظار 31–60 يومًا',
      'pending-61-90': 'قيد الانتظار 61–90 يومًا',
      'pending-over-90': 'قيد الانتظار أكثر من 90 يومًا',
      'expiring-30': 'تنتهي خلال 30 يومًا',
    },
    sortBy: 'ترتيب حسب',
    ascending: 'تصاعدي',
    descending: 'تنازلي',
    permitColumns: { reference: 'المرجع', kind: 'النوع', status: 'الوضعية', submitted_on: 'الإيداع', valid_until: 'الصلاحية' },
    establishmentColumns: { name: 'الاسم التجاري', category: 'الفئة', latest_grade: 'التنقيط' },
    permitsInView: { zero: 'لا رخصة في العرض', one: 'رخصة واحدة في العرض', two: 'رخصتان في العرض', few: '{count} رخص في العرض', many: '{count} رخصة في العرض', other: '{count} رخصة في العرض' },
    establishmentsInView: { zero: 'لا مؤسسة في العرض', one: 'مؤسسة واحدة في العرض', two: 'مؤسستان في العرض', few: '{count} مؤسسات في العرض', many: '{count} مؤسسة في العرض', other: '{count} مؤسسة في العرض' },
    listTruncated: (shown, total) => `أول ${shown} من أصل ${total}: قرّب الخريطة أو دقّق عوامل التصفية.`,
    listLoading: 'جارٍ تحميل القائمة…',
    listEmpty: 'لا شيء في العرض يطابق عوامل التصفية هذه.',
    listContradiction: 'عوامل التصفية هذه متعارضة: لا يمكن أن يطابقها أي ملف.',
    listFailed: 'تعذر تحميل القائمة.',
    listOffline: 'بدون اتصال: القائمة كما كانت عند آخر تحميل.',
    ageDays: { zero: '{count} يوم', one: 'يوم واحد', two: 'يومان', few: '{count} أيام', many: '{count} يومًا', other: '{count} يوم' },
    noGrade: 'بدون تنقيط',
    nearMe: 'بالقرب مني',
    nearMeHeading: 'بالقرب مني (500 م)',
    nearMeLocating: 'جارٍ تحديد الموقع…',
    nearMeUnavailable: 'موقعك غير متاح.',
    nearMeEmpty: 'لا شيء في دائرة 500 م.',
    metres: (distance) => `${distance} م`,
    closeNearMe: 'إغلاق قائمة ما بالقرب مني',
  },
  en: {
    panelLabel: 'Permits and hygiene',
    intro: 'Permits, establishments and their inspections in your districts.',
    areasHeading: 'Your districts',
    wholeCity: 'The whole city',
    tabs: { permits: 'Permits', establishments: 'Establishments', statistics: 'Statistics', layers: 'Layers' },
    filtersHeading: 'Filters',
    anyValue: 'All',
    submittedFrom: 'Submitted from',
    submittedTo: 'Submitted until',
    clearFilters: 'Clear filters',
    bucketsHeading: 'Files by age',
    bucketsScope: { districts: 'in your districts', city: 'in the whole city' },
    buckets: {
      'pending-0-30': 'Pending 0–30 days',
      'pending-31-60': 'Pending 31–60 days',
      'pending-61-90': 'Pending 61–90 days',
      'pending-over-90': 'Pending over 90 days',
      'expiring-30': 'Expiring within 30 days',
    },
    sortBy: 'Sort by',
    ascending: 'ascending',
    descending: 'descending',
    permitColumns: { reference: 'Reference', kind: 'Kind', status: 'Status', submitted_on: 'Submitted', valid_until: 'Valid until' },
    establishmentColumns: { name: 'Name', category: 'Category', latest_grade: 'Grade' },
    permitsInView: { one: '{count} permit in view', other: '{count} permits in view' },
    establishmentsInView: { one: '{count} establishment in view', other: '{count} establishments in view' },
    listTruncated: (shown, total) => `The first ${shown} of ${total}: zoom in or narrow the filters.`,
    listLoading: 'Loading the list…',
    listEmpty: 'Nothing in view matches these filters.',
    listContradiction: 'These filters exclude each other: no file can match them.',
    listFailed: 'The list could not be loaded.',
    listOffline: 'Offline: the list as it was when last loaded.',
    ageDays: { one: '{count} day', other: '{count} days' },
    noGrade: 'Not graded',
    nearMe: 'Near me',
    nearMeHeading: 'Near me (500 m)',
    nearMeLocating: 'Finding your position…',
    nearMeUnavailable: 'Your position is not available.',
    nearMeEmpty: 'Nothing within 500 m.',
    metres: (distance) => `${distance} m`,
    closeNearMe: 'Close the near-me list',
  },
};
