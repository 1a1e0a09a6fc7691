import type { MessageSet } from '../i18n/define-messages.ts';
import type { PluralForms } from '../i18n/plural.ts';

/** Strings of the journey planner: its form, its results, durations and the legs of a trip. */
export interface JourneyMessages {
  heading: string;
  open: string;
  close: string;
  from: string;
  to: string;
  fromPlaceholder: string;
  toPlaceholder: string;
  pickOnMap: string;
  /** Shown over the map while a place is picked, for the start or the end. */
  pickHint: Record<'from' | 'to', string>;
  cancelPick: string;
  myPosition: string;
  locating: string;
  /** Why the device's position could not be used. */
  positionProblems: Record<'denied' | 'unavailable' | 'timeout' | 'unsupported' | 'outside', string>;
  pickedPlace: string;
  swap: string;
  clear: (endpoint: string) => string;
  when: string;
  timeChoices: Record<'now' | 'depart' | 'arriveBy', string>;
  dateTime: string;
  submit: string;
  /** The folded form on a phone, once journeys are shown: change the places or the time. */
  edit: string;
  needBothPlaces: string;
  loading: string;
  /** Why no journey was found, by problem type; `default` for the others. */
  problems: Record<string, string>;
  resultsHeading: string;
  resultsCount: PluralForms;
  fromTo: (from: string, to: string) => string;
  nextDay: string;
  minutes: PluralForms;
  hours: PluralForms;
  hoursAndMinutes: (hours: string, minutes: string) => string;
  changes: PluralForms;
  noChange: string;
  onFoot: (duration: string) => string;
  walkOnly: string;
  badges: Record<'fastest' | 'fewestChanges' | 'leastWalking', string>;
  walkLeg: (duration: string, distance: string, place: string) => string;
  destination: string;
  rideLeg: (line: string, headsign: string) => string;
  stopsPassed: PluralForms;
  /** A ride's stops and duration, joined as the language lists them. */
  rideLength: (stops: string, duration: string) => string;
  board: (stop: string) => string;
  alight: (stop: string) => string;
  showItinerary: (index: number) => string;
}

export const JOURNEY_MESSAGES: MessageSet<JourneyMessages> = {
  fr: {
    heading: 'Itinéraire',
    open: 'Itinéraire',
    close: 'Fermer l’itinéraire',
    from: 'Départ',
    to: 'Arrivée',
    fromPlaceholder: 'D’où partez-vous ?',
    toPlaceholder: 'Où allez-vous ?',
    pickOnMap: 'Choisir sur la carte',
    pickHint: {
      from: 'Touchez la carte à l’endroit du départ. Au clavier : flèches pour déplacer la carte, Entrée pour choisir son centre, Échap pour annuler.',
      to: 'Touchez la carte à l’endroit de l’arrivée. Au clavier : flèches pour déplacer la carte, Entrée pour choisir son centre, Échap pour annuler.',
    },
    cancelPick: 'Annuler',
    myPosition: 'Ma position',
    locating: 'Localisation en cours…',
    positionProblems: {
      denied: 'Votre navigateur n’a pas donné votre position. Autorisez la localisation pour ce site, ou choisissez un lieu.',
      unavailable: 'Votre position n’a pas pu être déterminée.',
      timeout: 'La localisation a pris trop de temps. Réessayez.',
      unsupported: 'Ce navigateur ne sait pas donner votre position.',
      outside: 'Votre position est hors de la région de Casablanca.',
    },
    pickedPlace: 'Point choisi sur la carte',
    swap: 'Inverser le départ et l’arrivée',
    clear: (endpoint) => `Effacer : ${endpoint}`,
    when: 'Quand',
    timeChoices: { now: 'Partir maintenant', depart: 'Partir à', arriveBy: 'Arriver avant' },
    dateTime: 'Date et heure',
    submit: 'Rechercher',
    edit: 'Modifier',
    needBothPlaces: 'Choisissez un départ et une arrivée.',
    loading: 'Recherche des trajets…',
    problems: {
      'no-journey': 'Aucun trajet ne relie ces deux lieux à cette heure. Essayez une autre heure ou un lieu plus proche d’un arrêt.',
      'outside-region': 'Ce lieu est hors de la région de Casablanca.',
      default: 'Les trajets n’ont pas pu être calculés.',
    },
    resultsHeading: 'Trajets proposés',
    resultsCount: { one: '{count} trajet', other: '{count} trajets' },
    fromTo: (from, to) => `${from} → ${to}`,
    nextDay: 'le lendemain',
    minutes: { one: '{count} min', other: '{count} min' },
    hours: { one: '{count} h', other: '{count} h' },
    hoursAndMinutes: (hours, minutes) => `${hours} ${minutes}`,
    changes: { one: '{count} changement', other: '{count} changements' },
    noChange: 'Direct',
    onFoot: (duration) => `${duration} à pied`,
    walkOnly: 'À pied',
    badges: { fastest: 'Le plus rapide', fewestChanges: 'Le moins de changements', leastWalking: 'Le moins de marche' },
    walkLeg: (duration, distance, place) => `Marcher ${duration} (${distance}) jusqu’à ${place}`,
    destination: 'l’arrivée',
    rideLeg: (line, headsign) => `${line} direction ${headsign}`,
    stopsPassed: { one: '{count} arrêt', other: '{count} arrêts' },
    rideLength: (stops, duration) => `${stops}, ${duration}`,
    board: (stop) => `Monter à ${stop}`,
    alight: (stop) => `Descendre à ${stop}`,
    showItinerary: (index) => `Trajet ${index}`,
  },
  ar: {
    heading: 'المسار',
    open: 'المسار',
    close: 'إغلاق المسار',
    from: 'الانطلاق',
    to: 'الوصول',
    fromPlaceholder: 'من أين تنطلق؟',
    toPlaceholder: 'إلى أين تذهب؟',
    pickOnMap: 'الاختيار على الخريطة',
    pickHint: {
      from: 'انقر على الخريطة في مكان الانطلاق. بلوحة المفاتيح: الأسهم لتحريك الخريطة، ومفتاح الإدخال لاختيار وسطها، ومفتاح الخروج للإلغاء.',
      to: 'انقر على الخريطة في مكان الوصول. بلوحة المفاتيح: الأسهم لتحريك الخريطة، ومفتاح الإدخال لاختيار وسطها، ومفتاح الخروج للإلغاء.',
    },
    cancelPick: 'إلغاء',
    myPosition: 'موقعي',
    locating: 'جار تحديد الموقع…',
    positionProblems: {
      denied: 'لم يمنح المتصفح موقعك. اسمح بتحديد الموقع لهذا الموقع أو اختر مكانا.',
      unavailable: 'تعذر تحديد موقعك.',
      timeout: 'استغرق تحديد الموقع وقتا طويلا. أعد المحاولة.',
      unsupported: 'هذا المتصفح لا يستطيع تحديد موقعك.',
      outside: 'موقعك خارج جهة الدار البيضاء.',
    },
    pickedPlace: 'نقطة مختارة على الخريطة',
    swap: 'تبديل الانطلاق والوصول',
    clear: (endpoint) => `مسح: ${endpoint}`,
    when: 'متى',
    timeChoices: { now: 'الانطلاق الآن', depart: 'الانطلاق على', arriveBy: 'الوصول قبل' },
    dateTime: 'التاريخ والساعة',
    submit: 'بحث',
    edit: 'تعديل',
    needBothPlaces: 'اختر مكان الانطلاق ومكان الوصول.',
    loading: 'جار البحث عن الرحلات…',
    problems: {
      'no-journey': 'لا توجد رحلة تربط هذين المكانين في هذا الوقت. جرب وقتا آخر أو مكانا أقرب إلى محطة.',
      'outside-region': 'هذا المكان خارج جهة الدار البيضاء.',
      default: 'تعذر حساب الرحلات.',
    },
    resultsHeading: 'الرحلات المقترحة',
    resultsCount: { zero: 'لا توجد رحلة', one: 'رحلة واحدة', two: 'رحلتان', few: '{count} رحلات', many: '{count} رحلة', other: '{count} رحلة' },
    fromTo: (from, to) => `${from} ← ${to}`,
    nextDay: 'في اليوم الموالي',
    minutes: { zero: '{count} دقيقة', one: 'دقيقة واحدة', two: 'دقيقتان', few: '{count} دقائق', many: '{count} دقيقة', other: '{count} دقيقة' },
    hours: { one: 'ساعة', two: 'ساعتان', few: '{count} ساعات', many: '{count} ساعة', other: '{count} ساعة' },
    hoursAndMinutes: (hours, minutes) => `${hours} و${minutes}`,
    changes: { zero: 'بدون تغيير', one: 'تغيير واحد', two: 'تغييران', few: '{count} تغييرات', many: '{count} تغييرا', other: '{count} تغيير' },
    noChange: 'مباشر',
    onFoot: (duration) => `${duration} مشيا`,
    walkOnly: 'مشيا على الأقدام',
    badges: { fastest: 'الأسرع', fewestChanges: 'أقل تغييرات', leastWalking: 'أقل مشي' },
    walkLeg: (duration, distance, place) => `المشي ${duration} (${distance}) حتى ${place}`,
    destination: 'مكان الوصول',
    rideLeg: (line, headsign) => `${line} في اتجاه ${headsign}`,
    stopsPassed: { zero: 'بدون محطات', one: 'محطة واحدة', two: 'محطتان', few: '{count} محطات', many: '{count} محطة', other: '{count} محطة' },
    rideLength: (stops, duration) => `${stops}، ${duration}`,
    board: (stop) => `الركوب في ${stop}`,
    alight: (stop) => `النزول في ${stop}`,
    showItinerary: (index) => `الرحلة ${index}`,
  },
  en: {
    heading: 'Journey',
    open: 'Journey',
    close: 'Close the journey planner',
    from: 'From',
    to: 'To',
    fromPlaceholder: 'Where from?',
    toPlaceholder: 'Where to?',
    pickOnMap: 'Pick on the map',
    pickHint: {
      from: 'Tap the map where you start. With the keyboard: arrows move the map, Enter picks its centre, Escape cancels.',
      to: 'Tap the map where you are going. With the keyboard: arrows move the map, Enter picks its centre, Escape cancels.',
    },
    cancelPick: 'Cancel',
    myPosition: 'My position',
    locating: 'Finding your position…',
    positionProblems: {
      denied: 'Your browser did not share your position. Allow location for this site, or choose a place.',
      unavailable: 'Your position could not be found.',
      timeout: 'Finding your position took too long. Try again.',
      unsupported: 'This browser cannot give your position.',
      outside: 'Your position is outside the Casablanca region.',
    },
    pickedPlace: 'Point picked on the map',
    swap: 'Swap start and end',
    clear: (endpoint) => `Clear: ${endpoint}`,
    when: 'When',
    timeChoices: { now: 'Leave now', depart: 'Leave at', arriveBy: 'Arrive by' },
    dateTime: 'Date and time',
    submit: 'Search',
    edit: 'Change',
    needBothPlaces: 'Choose where you start and where you are going.',
    loading: 'Finding journeys…',
    problems: {
      'no-journey': 'No journey joins these places at this time. Try another time, or a place closer to a stop.',
      'outside-region': 'This place is outside the Casablanca region.',
      default: 'The journeys could not be worked out.',
    },
    resultsHeading: 'Journeys',
    resultsCount: { one: '{count} journey', other: '{count} journeys' },
    fromTo: (from, to) => `${from} → ${to}`,
    nextDay: 'next day',
    minutes: { one: '{count} min', other: '{count} min' },
    hours: { one: '{count} h', other: '{count} h' },
    hoursAndMinutes: (hours, minutes) => `${hours} ${minutes}`,
    changes: { one: '{count} change', other: '{count} changes' },
    noChange: 'Direct',
    onFoot: (duration) => `${duration} on foot`,
    walkOnly: 'On foot',
    badges: { fastest: 'Fastest', fewestChanges: 'Fewest changes', leastWalking: 'Least walking' },
    walkLeg: (duration, distance, place) => `Walk ${duration} (${distance}) to ${place}`,
    destination: 'your destination',
    rideLeg: (line, headsign) => `${line} towards ${headsign}`,
    stopsPassed: { one: '{count} stop', other: '{count} stops' },
    rideLength: (stops, duration) => `${stops}, ${duration}`,
    board: (stop) => `Get on at ${stop}`,
    alight: (stop) => `Get off at ${stop}`,
    showItinerary: (index) => `Journey ${index}`,
  },
};
