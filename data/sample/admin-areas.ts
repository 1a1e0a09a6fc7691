import type { LonLat } from './geometry.ts';

/** A préfecture d'arrondissements of Casablanca. */
export interface PrefectureSpec {
  /**
   * HCP codes number the arrondissements only (06.141.01.NN, where the tens digit groups them by
   * préfecture); préfectures d'arrondissements have no code of their own in that scheme, so casa-sig
   * uses 06.141.PAn, n being that tens digit.
   */
  code: string;
  nameFr: string;
  nameAr: string;
}

/** An arrondissement, with the hand-placed seed points its sample polygon is grown from. */
export interface ArrondissementSpec {
  /** Official HCP code (RR.PPP.CC.NN), e.g. 06.141.01.01 for Anfa. */
  code: string;
  prefectureCode: string;
  nameFr: string;
  nameAr: string;
  /** Legal population at the 2014 census (RGPH), rounded to the thousand: approximate. */
  population: number;
  /**
   * EPSG:4326 points placed by hand inside the real arrondissement (its neighbourhoods). The sample
   * polygon is the union of their Voronoi cells clipped to the city outline, so borders are approximate.
   */
  seeds: LonLat[];
}

export const PREFECTURES: readonly PrefectureSpec[] = [
  { code: '06.141.PA0', nameFr: 'Casablanca-Anfa', nameAr: 'الدار البيضاء أنفا' },
  { code: '06.141.PA1', nameFr: 'Al Fida-Mers Sultan', nameAr: 'الفداء مرس السلطان' },
  { code: '06.141.PA2', nameFr: 'Aïn Sebaâ-Hay Mohammadi', nameAr: 'عين السبع الحي المحمدي' },
  { code: '06.141.PA3', nameFr: 'Hay Hassani', nameAr: 'الحي الحسني' },
  { code: '06.141.PA4', nameFr: 'Aïn Chock', nameAr: 'عين الشق' },
  { code: '06.141.PA5', nameFr: 'Sidi Bernoussi', nameAr: 'سيدي البرنوصي' },
  { code: '06.141.PA6', nameFr: "Ben M'Sick", nameAr: 'ابن امسيك' },
  { code: '06.141.PA7', nameFr: 'Moulay Rachid', nameAr: 'مولاي رشيد' },
];

export const ARRONDISSEMENTS: readonly ArrondissementSpec[] = [
  {
    code: '06.141.01.01', prefectureCode: '06.141.PA0', nameFr: 'Anfa', nameAr: 'أنفا', population: 93_000,
    seeds: [[-7.641, 33.603], [-7.655, 33.599], [-7.671, 33.592], [-7.634, 33.5905], [-7.652, 33.589], [-7.687, 33.584]],
  },
  {
    code: '06.141.01.03', prefectureCode: '06.141.PA0', nameFr: 'Maârif', nameAr: 'المعاريف', population: 152_000,
    seeds: [[-7.64, 33.58], [-7.63, 33.574], [-7.651, 33.577], [-7.629, 33.562], [-7.64, 33.566]],
  },
  {
    code: '06.141.01.07', prefectureCode: '06.141.PA0', nameFr: 'Sidi Belyout', nameAr: 'سيدي بليوط', population: 168_000,
    seeds: [[-7.618, 33.602], [-7.612, 33.595], [-7.622, 33.5945], [-7.605, 33.599]],
  },
  {
    code: '06.141.01.11', prefectureCode: '06.141.PA1', nameFr: 'Al Fida', nameAr: 'الفداء', population: 177_000,
    seeds: [[-7.601, 33.569], [-7.61, 33.566], [-7.597, 33.577]],
  },
  {
    code: '06.141.01.13', prefectureCode: '06.141.PA1', nameFr: 'Mers Sultan', nameAr: 'مرس السلطان', population: 131_000,
    seeds: [[-7.613, 33.585], [-7.606, 33.587], [-7.617, 33.578]],
  },
  {
    code: '06.141.01.21', prefectureCode: '06.141.PA2', nameFr: 'Aïn Sebaâ', nameAr: 'عين السبع', population: 168_000,
    seeds: [[-7.545, 33.604], [-7.556, 33.598], [-7.53, 33.61], [-7.543, 33.593]],
  },
  {
    code: '06.141.01.23', prefectureCode: '06.141.PA2', nameFr: 'Roches Noires', nameAr: 'الصخور السوداء', population: 100_000,
    seeds: [[-7.585, 33.602], [-7.595, 33.601], [-7.59, 33.593], [-7.574, 33.604]],
  },
  {
    code: '06.141.01.25', prefectureCode: '06.141.PA2', nameFr: 'Hay Mohammadi', nameAr: 'الحي المحمدي', population: 152_000,
    seeds: [[-7.566, 33.592], [-7.576, 33.588], [-7.567, 33.582]],
  },
  {
    code: '06.141.01.31', prefectureCode: '06.141.PA3', nameFr: 'Hay Hassani', nameAr: 'الحي الحسني', population: 466_000,
    seeds: [
      [-7.667, 33.56], [-7.685, 33.552], [-7.702, 33.566], [-7.716, 33.548], [-7.68, 33.532],
      [-7.7, 33.525], [-7.662, 33.572], [-7.73, 33.556], [-7.667, 33.543],
    ],
  },
  {
    code: '06.141.01.41', prefectureCode: '06.141.PA4', nameFr: 'Aïn Chock', nameAr: 'عين الشق', population: 287_000,
    seeds: [[-7.612, 33.547], [-7.632, 33.537], [-7.602, 33.527], [-7.627, 33.515], [-7.651, 33.525], [-7.645, 33.548]],
  },
  {
    code: '06.141.01.51', prefectureCode: '06.141.PA5', nameFr: 'Sidi Bernoussi', nameAr: 'سيدي البرنوصي', population: 322_000,
    seeds: [[-7.505, 33.613], [-7.485, 33.621], [-7.468, 33.629], [-7.518, 33.606]],
  },
  {
    code: '06.141.01.53', prefectureCode: '06.141.PA5', nameFr: 'Sidi Moumen', nameAr: 'سيدي مومن', population: 454_000,
    seeds: [[-7.53, 33.58], [-7.505, 33.586], [-7.482, 33.594], [-7.51, 33.571], [-7.472, 33.608], [-7.54, 33.572]],
  },
  {
    code: '06.141.01.61', prefectureCode: '06.141.PA6', nameFr: "Ben M'Sick", nameAr: 'ابن امسيك', population: 154_000,
    seeds: [[-7.578, 33.566], [-7.583, 33.573]],
  },
  {
    code: '06.141.01.63', prefectureCode: '06.141.PA6', nameFr: 'Sbata', nameAr: 'سباتة', population: 118_000,
    seeds: [[-7.592, 33.555], [-7.585, 33.548]],
  },
  {
    code: '06.141.01.71', prefectureCode: '06.141.PA7', nameFr: 'Moulay Rachid', nameAr: 'مولاي رشيد', population: 251_000,
    seeds: [[-7.55, 33.553], [-7.533, 33.56], [-7.563, 33.541], [-7.572, 33.53]],
  },
  {
    code: '06.141.01.73', prefectureCode: '06.141.PA7', nameFr: 'Sidi Othmane', nameAr: 'سيدي عثمان', population: 162_000,
    seeds: [[-7.561, 33.567], [-7.553, 33.574]],
  },
];
