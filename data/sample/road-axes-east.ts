import type { RoadAxis } from './road-types.ts';

/**
 * Main streets of the east and south-east (Roches Noires, Hay Mohammadi, Aïn Sebaâ, Sidi Bernoussi,
 * Sidi Moumen, Al Fida, Ben M'Sick, Moulay Rachid) and the urban motorway, drawn by hand for casa-sig
 * from general knowledge of the city (EPSG:4326). Courses are approximate; names are the official ones.
 */
export const EAST_AXES: readonly RoadAxis[] = [
  {
    nameFr: 'Autoroute urbaine', nameAr: 'الطريق السيار الحضري', roadClass: 'motorway', lanes: 6, widthM: 36, surface: 'asphalt',
    line: [
      [-7.49, 33.615], [-7.515, 33.607], [-7.54, 33.599], [-7.558, 33.59], [-7.572, 33.58], [-7.585, 33.569],
      [-7.598, 33.56], [-7.612, 33.552], [-7.625, 33.547], [-7.64, 33.544], [-7.656, 33.541], [-7.672, 33.537],
      [-7.688, 33.531], [-7.705, 33.522],
    ],
  },
  {
    nameFr: 'Boulevard Mohammed VI', nameAr: 'شارع محمد السادس', roadClass: 'primary', lanes: 6, widthM: 32,
    line: [
      [-7.606, 33.59], [-7.6045, 33.585], [-7.603, 33.58], [-7.601, 33.574], [-7.5985, 33.568], [-7.5955, 33.562],
      [-7.5925, 33.556], [-7.5895, 33.549], [-7.5865, 33.542], [-7.5835, 33.534], [-7.58, 33.525],
    ],
  },
  {
    nameFr: 'Boulevard Ba Hmad', nameAr: 'شارع باحماد', roadClass: 'secondary', lanes: 4, widthM: 20,
    line: [[-7.5905, 33.5893], [-7.587, 33.586], [-7.583, 33.583], [-7.579, 33.5805]],
  },
  {
    nameFr: 'Boulevard Moulay Ismail', nameAr: 'شارع مولاي إسماعيل', roadClass: 'primary', lanes: 4, widthM: 24,
    line: [[-7.593, 33.593], [-7.588, 33.5955], [-7.583, 33.5975], [-7.577, 33.6], [-7.571, 33.6025]],
  },
  {
    nameFr: 'Boulevard Modibo Keita', nameAr: 'شارع موديبو كيتا', roadClass: 'secondary', lanes: 4, widthM: 20,
    line: [[-7.591, 33.603], [-7.586, 33.604], [-7.58, 33.6045], [-7.574, 33.6055]],
  },
  {
    nameFr: 'Boulevard Ibn Tachfine', nameAr: 'شارع ابن تاشفين', roadClass: 'primary', lanes: 4, widthM: 24,
    line: [[-7.576, 33.604], [-7.5755, 33.599], [-7.575, 33.594], [-7.5745, 33.589], [-7.574, 33.584], [-7.5735, 33.579]],
  },
  {
    nameFr: 'Boulevard Chefchaouni', nameAr: 'شارع الشفشاوني', roadClass: 'trunk', lanes: 4, widthM: 28,
    line: [
      [-7.571, 33.6025], [-7.562, 33.603], [-7.553, 33.604], [-7.544, 33.606], [-7.534, 33.6085], [-7.524, 33.611],
      [-7.514, 33.614], [-7.504, 33.617], [-7.494, 33.6205], [-7.484, 33.624], [-7.474, 33.628],
    ],
  },
  {
    nameFr: 'Boulevard de la Grande Ceinture', nameAr: 'شارع الحزام الكبير', roadClass: 'primary', lanes: 4, widthM: 26,
    line: [[-7.569, 33.601], [-7.57, 33.595], [-7.571, 33.589], [-7.573, 33.583], [-7.576, 33.577], [-7.58, 33.571], [-7.585, 33.566]],
  },
  {
    nameFr: 'Boulevard Okba Ibn Nafii', nameAr: 'شارع عقبة بن نافع', roadClass: 'secondary', lanes: 4, widthM: 20,
    line: [[-7.565, 33.586], [-7.556, 33.584], [-7.546, 33.582], [-7.536, 33.5805], [-7.526, 33.579]],
  },
  {
    nameFr: 'Boulevard Mohamed Zefzaf', nameAr: 'شارع محمد زفزاف', roadClass: 'primary', lanes: 4, widthM: 26,
    line: [[-7.518, 33.61], [-7.5185, 33.603], [-7.519, 33.596], [-7.5195, 33.589], [-7.52, 33.582], [-7.5205, 33.575]],
  },
  {
    nameFr: 'Boulevard Ahl Loghlam', nameAr: 'شارع أهل الغلام', roadClass: 'secondary', lanes: 4, widthM: 22,
    line: [[-7.495, 33.618], [-7.493, 33.61], [-7.491, 33.601], [-7.489, 33.592], [-7.487, 33.583]],
  },
  {
    nameFr: 'Route des Oulad Ziane', nameAr: 'طريق أولاد زيان', roadClass: 'primary', lanes: 4, widthM: 24,
    line: [[-7.5965, 33.5905], [-7.594, 33.586], [-7.591, 33.581], [-7.588, 33.576], [-7.585, 33.571]],
  },
  {
    nameFr: 'Boulevard Driss El Harti', nameAr: 'شارع إدريس الحارثي', roadClass: 'secondary', lanes: 4, widthM: 22,
    line: [[-7.596, 33.56], [-7.586, 33.559], [-7.576, 33.558], [-7.566, 33.557], [-7.556, 33.556], [-7.546, 33.555]],
  },
  {
    nameFr: 'Boulevard Mohamed Bouziane', nameAr: 'شارع محمد بوزيان', roadClass: 'secondary', lanes: 4, widthM: 22,
    line: [[-7.58, 33.57], [-7.572, 33.565], [-7.564, 33.56], [-7.556, 33.554], [-7.549, 33.548]],
  },
  {
    nameFr: 'Boulevard Al Fida', nameAr: 'شارع الفداء', roadClass: 'secondary', lanes: 4, widthM: 20,
    line: [[-7.606, 33.58], [-7.601, 33.577], [-7.596, 33.574], [-7.59, 33.571]],
  },
  {
    nameFr: 'Boulevard Abdelkader Sahraoui', nameAr: 'شارع عبد القادر الصحراوي', roadClass: 'secondary', lanes: 4, widthM: 20,
    line: [[-7.565, 33.547], [-7.556, 33.548], [-7.546, 33.55]],
  },
  {
    nameFr: 'Boulevard Ali Yaâta', nameAr: 'شارع علي يعتة', roadClass: 'secondary', lanes: 4, widthM: 20,
    line: [[-7.582, 33.581], [-7.578, 33.585], [-7.574, 33.588], [-7.569, 33.5905]],
  },
  {
    nameFr: 'Boulevard Moulay Slimane', nameAr: 'شارع مولاي سليمان', roadClass: 'secondary', lanes: 4, widthM: 22,
    line: [[-7.566, 33.6065], [-7.556, 33.6085], [-7.546, 33.61], [-7.536, 33.6125]],
  },
  {
    nameFr: 'Boulevard Al Joulane', nameAr: 'شارع الجولان', roadClass: 'secondary', lanes: 4, widthM: 20,
    line: [[-7.545, 33.552], [-7.548, 33.545], [-7.55, 33.538]],
  },
];
