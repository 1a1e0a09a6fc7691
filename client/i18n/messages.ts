import type { Language } from './language.ts';
import { STAFF_MESSAGES, type StaffMessages } from './staff-messages.ts';

/**
 * Every string the interface writes itself (layer titles, property labels and enum labels come from the
 * catalog, in the three languages). French is the reference: the other dictionaries must have every key.
 */
export interface Messages {
  appTitle: string;
  appSubtitle: string;
  languageLabel: string;
  languageNames: Record<Language, string>;
  layersHeading: string;
  showLayers: string;
  hideLayers: string;
  families: Record<string, string>;
  legendOf: (layerTitle: string) => string;
  visibleFromZoom: (zoom: number) => string;
  loadingMap: string;
  loadErrorTitle: string;
  loadErrorDetail: Record<string, string>;
  errorReference: (requestId: string) => string;
  retry: string;
  detailsHeading: string;
  closeDetails: string;
  noAttributes: string;
  /** While the full feature (every property the caller may see) is fetched. */
  detailsLoading: string;
  /** Why the full feature could not be shown, by kind (client/layers/details-problem.ts). */
  detailsProblems: Record<'sign-in' | 'forbidden' | 'not-found' | 'unavailable', string>;
  featureNumber: (id: string) => string;
  yes: string;
  no: string;
  /** Between the items of a list of codes. */
  listSeparator: string;
  mapLabel: string;
  /** Credit line of the map (the data belongs to the city). */
  mapAttribution: string;
  /** MapLibre control tooltips and scale units (its own locale table keys). */
  mapControls: Record<string, string>;
  /** Badge of a layer the caller may edit. */
  layerEditable: string;
  /** The catalog of the new session could not be loaded (the map still shows the previous one). */
  catalogRefreshFailed: string;
  staff: StaffMessages;
}

const fr: Messages = {
  appTitle: 'casa-sig',
  appSubtitle: 'Système d’information géographique de Casablanca',
  languageLabel: 'Langue',
  languageNames: { fr: 'Français', ar: 'العربية', en: 'English' },
  layersHeading: 'Couches',
  showLayers: 'Afficher les couches',
  hideLayers: 'Masquer les couches',
  families: {
    reference: 'Référentiels',
    street_heritage: 'Patrimoine voirie',
    authorisations: 'Autorisations',
    hygiene: 'Hygiène',
    mobility: 'Mobilité',
  },
  legendOf: (layerTitle) => `Légende : ${layerTitle}`,
  visibleFromZoom: (zoom) => `Visible à partir du zoom ${zoom}`,
  loadingMap: 'Chargement de la carte…',
  loadErrorTitle: 'La carte n’a pas pu être chargée',
  loadErrorDetail: {
    'network-error': 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    'invalid-response': 'Le serveur a envoyé une réponse inattendue.',
    default: 'Le serveur a rencontré une erreur.',
  },
  errorReference: (requestId) => `Référence de l’erreur : ${requestId}`,
  retry: 'Réessayer',
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
  featureNumber: (id) => `n° ${id}`,
  yes: 'Oui',
  no: 'Non',
  listSeparator: ', ',
  mapLabel: 'Carte de Casablanca',
  mapAttribution: '© Ville de Casablanca',
  mapControls: {
    'Map.Title': 'Carte',
    'NavigationControl.ZoomIn': 'Zoom avant',
    'NavigationControl.ZoomOut': 'Zoom arrière',
    'NavigationControl.ResetBearing': 'Réorienter vers le nord',
    'AttributionControl.ToggleAttribution': 'Afficher les sources',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
  },
  layerEditable: 'Modifiable',
  catalogRefreshFailed: 'La liste des couches n’a pas pu être mise à jour.',
  staff: STAFF_MESSAGES.fr,
};

const ar: Messages = {
  appTitle: 'casa-sig',
  appSubtitle: 'نظام المعلومات الجغرافية للدار البيضاء',
  languageLabel: 'اللغة',
  languageNames: { fr: 'Français', ar: 'العربية', en: 'English' },
  layersHeading: 'الطبقات',
  showLayers: 'إظهار الطبقات',
  hideLayers: 'إخفاء الطبقات',
  families: {
    reference: 'المعطيات المرجعية',
    street_heritage: 'الموروث الطرقي',
    authorisations: 'الرخص',
    hygiene: 'حفظ الصحة',
    mobility: 'التنقل',
  },
  legendOf: (layerTitle) => `مفتاح الخريطة: ${layerTitle}`,
  visibleFromZoom: (zoom) => `تظهر ابتداء من مستوى التكبير ${zoom}`,
  loadingMap: 'جار تحميل الخريطة…',
  loadErrorTitle: 'تعذر تحميل الخريطة',
  loadErrorDetail: {
    'network-error': 'الخادم لا يستجيب. تحقق من الاتصال ثم أعد المحاولة.',
    'invalid-response': 'أرسل الخادم ردا غير متوقع.',
    default: 'حدث خطأ في الخادم.',
  },
  errorReference: (requestId) => `مرجع الخطأ: ${requestId}`,
  retry: 'إعادة المحاولة',
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
  featureNumber: (id) => `رقم ${id}`,
  yes: 'نعم',
  no: 'لا',
  listSeparator: '، ',
  mapLabel: 'خريطة الدار البيضاء',
  mapAttribution: '© جماعة الدار البيضاء',
  mapControls: {
    'Map.Title': 'الخريطة',
    'NavigationControl.ZoomIn': 'تكبير',
    'NavigationControl.ZoomOut': 'تصغير',
    'NavigationControl.ResetBearing': 'التوجيه نحو الشمال',
    'AttributionControl.ToggleAttribution': 'إظهار المصادر',
    'ScaleControl.Meters': 'م',
    'ScaleControl.Kilometers': 'كلم',
  },
  layerEditable: 'قابلة للتعديل',
  catalogRefreshFailed: 'تعذر تحديث قائمة الطبقات.',
  staff: STAFF_MESSAGES.ar,
};

const en: Messages = {
  appTitle: 'casa-sig',
  appSubtitle: 'Casablanca geographic information system',
  languageLabel: 'Language',
  languageNames: { fr: 'Français', ar: 'العربية', en: 'English' },
  layersHeading: 'Layers',
  showLayers: 'Show layers',
  hideLayers: 'Hide layers',
  families: {
    reference: 'Reference data',
    street_heritage: 'Street heritage',
    authorisations: 'Permits',
    hygiene: 'Hygiene',
    mobility: 'Mobility',
  },
  legendOf: (layerTitle) => `Legend: ${layerTitle}`,
  visibleFromZoom: (zoom) => `Visible from zoom ${zoom}`,
  loadingMap: 'Loading the map…',
  loadErrorTitle: 'The map could not be loaded',
  loadErrorDetail: {
    'network-error': 'The server does not answer. Check your connection and try again.',
    'invalid-response': 'The server sent an unexpected answer.',
    default: 'The server ran into an error.',
  },
  errorReference: (requestId) => `Error reference: ${requestId}`,
  retry: 'Try again',
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
  featureNumber: (id) => `no. ${id}`,
  yes: 'Yes',
  no: 'No',
  listSeparator: ', ',
  mapLabel: 'Map of Casablanca',
  mapAttribution: '© City of Casablanca',
  mapControls: {
    'Map.Title': 'Map',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'NavigationControl.ResetBearing': 'Reset bearing to north',
    'AttributionControl.ToggleAttribution': 'Toggle attribution',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
  },
  layerEditable: 'Editable',
  catalogRefreshFailed: 'The list of layers could not be updated.',
  staff: STAFF_MESSAGES.en,
};

export const MESSAGES: Readonly<Record<Language, Messages>> = { fr, ar, en };

/** Units the registry writes after numbers, as each language writes them. */
const UNIT_LABELS: Readonly<Record<string, Record<Language, string>>> = {
  m: { fr: 'm', ar: 'م', en: 'm' },
  km: { fr: 'km', ar: 'كلم', en: 'km' },
  'm²': { fr: 'm²', ar: 'م²', en: 'm²' },
  '%': { fr: '%', ar: '%', en: '%' },
};

/** A unit as written in the language; an unknown unit is shown as the registry wrote it. */
export function localiseUnit(unit: string, language: Language): string {
  return UNIT_LABELS[unit]?.[language] ?? unit;
}
