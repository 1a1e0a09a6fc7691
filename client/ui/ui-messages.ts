import type { MessageSet } from '../i18n/define-messages.ts';
import type { PluralForms } from '../i18n/plural.ts';

/** Strings of the panels every map app shares: layers and legends, feature details, the features in view. */
export interface UiMessages {
  layersHeading: string;
  showLayers: string;
  hideLayers: string;
  families: Record<string, string>;
  legendOf: (layerTitle: string) => string;
  visibleFromZoom: (zoom: number) => string;
  loadingMap: string;
  loadErrorTitle: string;
  detailsHeading: string;
  closeDetails: string;
  noAttributes: string;
  /** While the full feature (every property the caller may see) is fetched. */
  detailsLoading: string;
  /** Why the full feature could not be shown, by kind (ui/details-problem.ts). */
  detailsProblems: Record<'sign-in' | 'forbidden' | 'not-found' | 'unavailable', string>;
  /** Badge of a layer the caller may edit. */
  layerEditable: string;
  /** The catalog of the new session could not be loaded (the map still shows the previous one). */
  catalogRefreshFailed: string;
  /** The list of the features drawn in the view, for the keyboard and screen readers. */
  inViewHeading: string;
  inViewCount: PluralForms;
  inViewMore: (count: string) => string;
  inViewEmpty: string;
  /** Said when the names of places are shown in another language than the interface's. */
  namesInOtherLanguage: string;
  /** A related feature's link, for screen readers: "open <name>". */
  openRelated: (name: string) => string;
  /** The features of another layer that name this one (an establishment's inspections), newest first. */
  relatedLoading: string;
  relatedFailed: string;
  measure: string;
  stopMeasuring: string;
  measureHint: string;
}

export const UI_MESSAGES: MessageSet<UiMessages> = {
  fr: {
    layersHeading: 'Couches',
    showLayers: 'Afficher les couches',
    hideLayers: 'Masquer les couches',
    families: { reference: 'Référentiels', street_heritage: 'Patrimoine voirie', authorisations: 'Autorisations', hygiene: 'Hygiène', mobility: 'Mobilité' },
    legendOf: (layerTitle) => `Légende : ${layerTitle}`,
    visibleFromZoom: (zoom) => `Visible à partir du zoom ${zoom}`,
    loadingMap: 'Chargement de la carte…',
    loadErrorTitle: 'La carte n’a pas pu être chargée',
    detailsHeading: 'Détails',
    closeDetails: 'Fermer les détails',
    noAttributes: 'Aucun attribut à afficher.',
    detailsLoading: 'Chargement de la fiche complète…',
    detailsProblems: {
      'sign-in': 'Connectez-vous depuis l’espace agents pour voir la fiche complète.',
      forbidden: 'Votre compte ne donne pas accès à la fiche complète de cet objet.',
      'not-found': 'Cet objet n’est plus disponible : il a peut-être été supprimé ou déplacé.',
      unavailable: 'La fiche complète n’a pas pu être chargée ; seules les informations de la carte sont affichées.',
    },
    layerEditable: 'Modifiable',
    catalogRefreshFailed: 'La liste des couches n’a pas pu être mise à jour.',
    inViewHeading: 'Dans la vue',
    inViewCount: { one: '{count} objet affiché', other: '{count} objets affichés' },
    inViewMore: (count) => `et ${count} autres : zoomez pour les voir.`,
    inViewEmpty: 'Aucun objet dans la vue.',
    namesInOtherLanguage: 'Les noms de lieux sont en français (pas de nom anglais).',
    openRelated: (name) => `Ouvrir ${name}`,
    relatedLoading: 'Chargement des éléments liés…',
    relatedFailed: 'Les éléments liés n’ont pas pu être chargés.',
    measure: 'Mesurer une distance',
    stopMeasuring: 'Terminer la mesure',
    measureHint: 'Cliquez sur la carte pour poser les points ; Retour arrière efface le dernier, Échap termine.',
  },
  ar: {
    layersHeading: 'الطبقات',
    showLayers: 'إظهار الطبقات',
    hideLayers: 'إخفاء الطبقات',
    families: { reference: 'المعطيات المرجعية', street_heritage: 'الموروث الطرقي', authorisations: 'الرخص', hygiene: 'حفظ الصحة', mobility: 'التنقل' },
    legendOf: (layerTitle) => `مفتاح الخريطة: ${layerTitle}`,
    visibleFromZoom: (zoom) => `تظهر ابتداء من مستوى التكبير ${zoom}`,
    loadingMap: 'جار تحميل الخريطة…',
    loadErrorTitle: 'تعذر تحميل الخريطة',
    detailsHeading: 'التفاصيل',
    closeDetails: 'إغلاق التفاصيل',
    noAttributes: 'لا توجد معطيات للعرض.',
    detailsLoading: 'جار تحميل البطاقة الكاملة…',
    detailsProblems: {
      'sign-in': 'سجل الدخول من فضاء الموظفين لعرض البطاقة الكاملة.',
      forbidden: 'لا يتيح حسابك الاطلاع على البطاقة الكاملة لهذا العنصر.',
      'not-found': 'هذا العنصر لم يعد متاحا، ربما تم حذفه أو نقله.',
      unavailable: 'تعذر تحميل البطاقة الكاملة، والمعروض هو معلومات الخريطة فقط.',
    },
    layerEditable: 'قابلة للتعديل',
    catalogRefreshFailed: 'تعذر تحديث قائمة الطبقات.',
    inViewHeading: 'في العرض',
    inViewCount: { zero: 'لا يوجد أي عنصر معروض', one: 'عنصر واحد معروض', two: 'عنصران معروضان', few: '{count} عناصر معروضة', many: '{count} عنصرا معروضا', other: '{count} عنصر معروض' },
    inViewMore: (count) => `و${count} أخرى: كبّر الخريطة لرؤيتها.`,
    inViewEmpty: 'لا يوجد أي عنصر في العرض.',
    namesInOtherLanguage: 'أسماء الأماكن معروضة بالفرنسية.',
    openRelated: (name) => `فتح ${name}`,
    relatedLoading: 'جارٍ تحميل العناصر المرتبطة…',
    relatedFailed: 'تعذر تحميل العناصر المرتبطة.',
    measure: 'قياس مسافة',
    stopMeasuring: 'إنهاء القياس',
    measureHint: 'انقر على الخريطة لوضع النقاط؛ زر الرجوع يمحو الأخيرة، وزر الخروج ينهي القياس.',
  },
  en: {
    layersHeading: 'Layers',
    showLayers: 'Show layers',
    hideLayers: 'Hide layers',
    families: { reference: 'Reference data', street_heritage: 'Street heritage', authorisations: 'Permits', hygiene: 'Hygiene', mobility: 'Mobility' },
    legendOf: (layerTitle) => `Legend: ${layerTitle}`,
    visibleFromZoom: (zoom) => `Visible from zoom ${zoom}`,
    loadingMap: 'Loading the map…',
    loadErrorTitle: 'The map could not be loaded',
    detailsHeading: 'Details',
    closeDetails: 'Close details',
    noAttributes: 'No attributes to show.',
    detailsLoading: 'Loading the full record…',
    detailsProblems: {
      'sign-in': 'Sign in from the staff area to see the full record.',
      forbidden: 'Your account does not give access to the full record of this feature.',
      'not-found': 'This feature is no longer available: it may have been deleted or moved.',
      unavailable: 'The full record could not be loaded; only what the map carries is shown.',
    },
    layerEditable: 'Editable',
    catalogRefreshFailed: 'The list of layers could not be updated.',
    inViewHeading: 'In view',
    inViewCount: { one: '{count} feature shown', other: '{count} features shown' },
    inViewMore: (count) => `and ${count} more: zoom in to see them.`,
    inViewEmpty: 'No feature in view.',
    namesInOtherLanguage: 'Place names are shown in French (there are no English names).',
    openRelated: (name) => `Open ${name}`,
    relatedLoading: 'Loading related items…',
    relatedFailed: 'The related items could not be loaded.',
    measure: 'Measure a distance',
    stopMeasuring: 'Stop measuring',
    measureHint: 'Click the map to place points; Backspace removes the last one, Escape stops.',
  },
};
