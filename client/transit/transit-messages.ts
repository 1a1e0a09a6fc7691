import type { MessageSet } from '../i18n/define-messages.ts';
import type { PluralForms } from '../i18n/plural.ts';

/** Strings of the transit map: its panel, the search, a stop, a line, locating the rider. */
export interface TransitMessages {
  panelLabel: string;
  intro: string;
  networkHeading: string;
  modes: Record<'tram' | 'brt' | 'bus' | 'rail', string>;
  searchLabel: string;
  searchPlaceholder: string;
  searching: string;
  noResult: (text: string) => string;
  searchFailed: string;
  resultsLabel: string;
  back: string;
  fromHere: string;
  toHere: string;
  accessible: string;
  linesHeading: string;
  towards: (headsign: string) => string;
  connectionsHeading: string;
  noConnections: string;
  walk: (duration: string, distance: string) => string;
  straightLine: string;
  changeTime: (duration: string) => string;
  departuresHeading: string;
  noDepartures: string;
  inMinutes: PluralForms;
  now: string;
  stopLoadFailed: string;
  lineLoadFailed: string;
  directionsLabel: string;
  stopsCount: PluralForms;
  operatedBy: (agency: string) => string;
  locate: string;
  yourPosition: string;
  closePlace: string;
}

export const TRANSIT_MESSAGES: MessageSet<TransitMessages> = {
  fr: {
    panelLabel: 'Transports en commun',
    intro: 'Tramway, busway et bus de Casablanca : cherchez un arrêt ou un lieu, choisissez une ligne, ou préparez un trajet.',
    networkHeading: 'Les lignes',
    modes: { tram: 'Tramway', brt: 'Busway', bus: 'Bus', rail: 'Train' },
    searchLabel: 'Rechercher un arrêt, une rue ou un lieu',
    searchPlaceholder: 'Arrêt, rue, quartier…',
    searching: 'Recherche…',
    noResult: (text) => `Aucun résultat pour « ${text} ».`,
    searchFailed: 'La recherche n’a pas abouti. Réessayez.',
    resultsLabel: 'Résultats',
    back: 'Retour',
    fromHere: 'Partir d’ici',
    toHere: 'Y aller',
    accessible: 'Accessible en fauteuil roulant',
    linesHeading: 'Lignes',
    towards: (headsign) => `vers ${headsign}`,
    connectionsHeading: 'Correspondances à pied',
    noConnections: 'Aucun arrêt d’un autre mode à distance de marche.',
    walk: (duration, distance) => `${duration} à pied (${distance})`,
    straightLine: 'à vol d’oiseau',
    changeTime: (duration) => `changement : ${duration}`,
    departuresHeading: 'Prochains départs',
    noDepartures: 'Aucun départ dans les trois prochaines heures.',
    inMinutes: { one: 'dans {count} min', other: 'dans {count} min' },
    now: 'maintenant',
    stopLoadFailed: 'Les lignes et horaires de cet arrêt n’ont pas pu être chargés.',
    lineLoadFailed: 'Les arrêts de cette ligne n’ont pas pu être chargés.',
    directionsLabel: 'Sens',
    stopsCount: { one: '{count} arrêt', other: '{count} arrêts' },
    operatedBy: (agency) => `Exploitée par ${agency}`,
    locate: 'Me localiser',
    yourPosition: 'Votre position',
    closePlace: 'Fermer',
  },
  ar: {
    panelLabel: 'النقل العمومي',
    intro: 'ترامواي وباصواي وحافلات الدار البيضاء: ابحث عن محطة أو مكان، أو اختر خطا، أو خطط لرحلة.',
    networkHeading: 'الخطوط',
    modes: { tram: 'الترامواي', brt: 'الباصواي', bus: 'الحافلة', rail: 'القطار' },
    searchLabel: 'البحث عن محطة أو شارع أو مكان',
    searchPlaceholder: 'محطة، شارع، حي…',
    searching: 'جار البحث…',
    noResult: (text) => `لا توجد نتيجة لـ«${text}».`,
    searchFailed: 'تعذر البحث. أعد المحاولة.',
    resultsLabel: 'النتائج',
    back: 'رجوع',
    fromHere: 'الانطلاق من هنا',
    toHere: 'الذهاب إلى هنا',
    accessible: 'ولوجة للكراسي المتحركة',
    linesHeading: 'الخطوط',
    towards: (headsign) => `في اتجاه ${headsign}`,
    connectionsHeading: 'التبديل مشيا',
    noConnections: 'لا توجد محطة لوسيلة نقل أخرى على مسافة مشي.',
    walk: (duration, distance) => `${duration} مشيا (${distance})`,
    straightLine: 'في خط مستقيم',
    changeTime: (duration) => `مدة التبديل: ${duration}`,
    departuresHeading: 'الانطلاقات القادمة',
    noDepartures: 'لا توجد انطلاقات في الساعات الثلاث القادمة.',
    inMinutes: { zero: 'الآن', one: 'بعد دقيقة', two: 'بعد دقيقتين', few: 'بعد {count} دقائق', many: 'بعد {count} دقيقة', other: 'بعد {count} دقيقة' },
    now: 'الآن',
    stopLoadFailed: 'تعذر تحميل خطوط هذه المحطة ومواعيدها.',
    lineLoadFailed: 'تعذر تحميل محطات هذا الخط.',
    directionsLabel: 'الاتجاه',
    stopsCount: { zero: 'بدون محطات', one: 'محطة واحدة', two: 'محطتان', few: '{count} محطات', many: '{count} محطة', other: '{count} محطة' },
    operatedBy: (agency) => `يستغلها ${agency}`,
    locate: 'تحديد موقعي',
    yourPosition: 'موقعك',
    closePlace: 'إغلاق',
  },
  en: {
    panelLabel: 'Public transport',
    intro: 'Casablanca’s tram, busway and buses: look up a stop or a place, choose a line, or plan a journey.',
    networkHeading: 'Lines',
    modes: { tram: 'Tram', brt: 'Busway', bus: 'Bus', rail: 'Train' },
    searchLabel: 'Search for a stop, a street or a place',
    searchPlaceholder: 'Stop, street, district…',
    searching: 'Searching…',
    noResult: (text) => `Nothing found for “${text}”.`,
    searchFailed: 'The search did not go through. Try again.',
    resultsLabel: 'Results',
    back: 'Back',
    fromHere: 'Leave from here',
    toHere: 'Go here',
    accessible: 'Wheelchair accessible',
    linesHeading: 'Lines',
    towards: (headsign) => `towards ${headsign}`,
    connectionsHeading: 'Changes on foot',
    noConnections: 'No stop of another mode within walking distance.',
    walk: (duration, distance) => `${duration} on foot (${distance})`,
    straightLine: 'as the crow flies',
    changeTime: (duration) => `change: ${duration}`,
    departuresHeading: 'Next departures',
    noDepartures: 'No departure in the next three hours.',
    inMinutes: { one: 'in {count} min', other: 'in {count} min' },
    now: 'now',
    stopLoadFailed: 'The lines and times of this stop could not be loaded.',
    lineLoadFailed: 'The stops of this line could not be loaded.',
    directionsLabel: 'Direction',
    stopsCount: { one: '{count} stop', other: '{count} stops' },
    operatedBy: (agency) => `Run by ${agency}`,
    locate: 'Show my position',
    yourPosition: 'Your position',
    closePlace: 'Close',
  },
};
