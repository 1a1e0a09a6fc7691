import { BUS_STOPS, BW1_STATIONS, BW2_STATIONS } from './bus-stops.ts';
import { T1_STATIONS, T2_STATIONS, T3_STATIONS, T4_STATIONS } from './tram-stops.ts';
import { type StopEntry, type TransitMode, type TransitRouteSpec, type TransitStopSpec, toStops } from './transit-types.ts';

const codes = (entries: readonly StopEntry[]) => entries.map(([code]) => code);
const tram = { mode: 'tram', operator: 'Casa Tram', isAccessible: true } as const;
const busway = { mode: 'brt', operator: 'Casa Busway', isAccessible: true } as const;
/** Casablanca's city buses are run under concession by Alsa (Alsa Al Baida); its fleet is low-floor. */
const bus = { mode: 'bus', operator: 'Alsa Al Baida', isAccessible: true } as const;

/** Every stop of the sample network: trams and busway stations are step-free, bus stops unsurveyed. */
export const TRANSIT_STOPS: readonly TransitStopSpec[] = [
  ...toStops([...T1_STATIONS, ...T2_STATIONS, ...T3_STATIONS, ...T4_STATIONS], 'tram', true),
  ...toStops([...BW1_STATIONS, ...BW2_STATIONS], 'brt', true),
  ...toStops(BUS_STOPS, 'bus', false),
];

/**
 * The lines, each in one direction. Tram courses follow the network as it runs since the 2024
 * extensions (T1 Sidi Moumen - Lissasfa, T2 Aïn Diab - Sidi Bernoussi, T3 Casa Port - Hay Al Warda,
 * T4 Parc de la Ligue Arabe - Mohammed Erradi); the busway and bus lines are a plausible selection.
 * Everything is approximate and stored with is_approximate = true.
 */
export const TRANSIT_ROUTES: readonly TransitRouteSpec[] = [
  {
    ...tram, lineCode: 'T1', nameFr: 'T1 Sidi Moumen – Lissasfa', nameAr: 'T1 سيدي مومن – ليساسفة', colour: '#e30613',
    stopCodes: codes(T1_STATIONS),
  },
  {
    ...tram, lineCode: 'T2', nameFr: 'T2 Aïn Diab Plage – Sidi Bernoussi', nameAr: 'T2 شاطئ عين الذئاب – سيدي البرنوصي',
    colour: '#f39200',
    stopCodes: [
      ...codes(T2_STATIONS.slice(0, 12)), 'T1-27', ...codes(T2_STATIONS.slice(12, 22)), 'T1-11', ...codes(T2_STATIONS.slice(22)),
    ],
  },
  {
    ...tram, lineCode: 'T3', nameFr: 'T3 Casa Port – Hay Al Warda', nameAr: 'T3 الدار البيضاء الميناء – حي الوردة', colour: '#009fe3',
    stopCodes: ['T3-01', 'T3-02', 'T1-20', ...codes(T3_STATIONS.slice(2, 6)), 'T2-17', ...codes(T3_STATIONS.slice(6))],
  },
  {
    ...tram, lineCode: 'T4', nameFr: 'T4 Parc de la Ligue Arabe – Mohammed Erradi', nameAr: 'T4 حديقة الجامعة العربية – محمد الراضي',
    colour: '#3aaa35',
    stopCodes: [...codes(T4_STATIONS.slice(0, 5)), 'T2-17', ...codes(T4_STATIONS.slice(5))],
  },
  {
    ...busway, lineCode: 'BW1', nameFr: 'BW1 Salmia 2 – Omar Khayyam', nameAr: 'BW1 السالمية 2 – عمر الخيام', colour: '#e6007e',
    stopCodes: codes(BW1_STATIONS),
  },
  {
    ...busway, lineCode: 'BW2', nameFr: 'BW2 Hay Errahma – Aéropostale', nameAr: 'BW2 حي الرحمة – الأيروبوسطال', colour: '#7d4199',
    stopCodes: codes(BW2_STATIONS),
  },
  {
    ...bus, lineCode: '7', nameFr: '7 Casa Port – Aïn Diab', nameAr: '7 الدار البيضاء الميناء – عين الذئاب', colour: '#0069b4',
    stopCodes: ['BUS-033', 'BUS-002', 'BUS-001', 'BUS-008', 'BUS-032', 'BUS-007'],
  },
  {
    ...bus, lineCode: '11', nameFr: '11 Casa Voyageurs – Lissasfa', nameAr: '11 الدار البيضاء المسافرين – ليساسفة', colour: '#00963f',
    stopCodes: ['BUS-003', 'BUS-030', 'BUS-002', 'BUS-001', 'BUS-004', 'BUS-005', 'BUS-009', 'BUS-011', 'BUS-012', 'BUS-013'],
  },
  {
    ...bus, lineCode: '33', nameFr: '33 Marché Central – Sidi Bernoussi', nameAr: '33 السوق المركزي – سيدي البرنوصي', colour: '#a05a2c',
    stopCodes: ['BUS-002', 'BUS-030', 'BUS-003', 'BUS-024', 'BUS-020', 'BUS-034', 'BUS-021', 'BUS-022'],
  },
  {
    ...bus, lineCode: '40', nameFr: "40 Boulevard Ghandi – Ben M'Sick", nameAr: '40 شارع غاندي – ابن امسيك', colour: '#5b6770',
    stopCodes: ['BUS-006', 'BUS-004', 'BUS-028', 'BUS-014', 'BUS-029', 'BUS-017'],
  },
  {
    ...bus, lineCode: '67', nameFr: '67 Place Mohammed V – Moulay Rachid', nameAr: '67 ساحة محمد الخامس – مولاي رشيد', colour: '#c8102e',
    stopCodes: ['BUS-001', 'BUS-028', 'BUS-027', 'BUS-014', 'BUS-015', 'BUS-016', 'BUS-017', 'BUS-018', 'BUS-019'],
  },
  {
    ...bus, lineCode: '80', nameFr: '80 Oulad Ziane – Sidi Moumen', nameAr: '80 أولاد زيان – سيدي مومن', colour: '#8a1f7a',
    stopCodes: ['BUS-029', 'BUS-003', 'BUS-020', 'BUS-031', 'BUS-023'],
  },
  {
    ...bus, lineCode: '97', nameFr: '97 Maârif – Sbata', nameAr: '97 المعاريف – سباتة', colour: '#d4a017',
    stopCodes: ['BUS-005', 'BUS-009', 'BUS-010', 'BUS-026', 'BUS-025', 'BUS-016'],
  },
];
