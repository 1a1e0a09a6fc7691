import type { RoadAxis } from './road-types.ts';

/**
 * Main streets of the centre, Anfa, Maârif, Hay Hassani and Aïn Chock, drawn by hand for casa-sig from
 * general knowledge of the city (EPSG:4326). Courses are approximate (tens to a few hundred metres off);
 * names are the official ones in French and Arabic.
 */
export const WEST_AXES: readonly RoadAxis[] = [
  {
    nameFr: 'Boulevard de la Corniche', nameAr: 'شارع الكورنيش', roadClass: 'primary', lanes: 4, widthM: 26,
    line: [[-7.652, 33.607], [-7.66, 33.604], [-7.666, 33.6005], [-7.673, 33.596], [-7.684, 33.59], [-7.6935, 33.584]],
  },
  {
    nameFr: 'Boulevard Sidi Mohammed Ben Abdellah', nameAr: 'شارع سيدي محمد بن عبد الله', roadClass: 'secondary', lanes: 4, widthM: 22,
    line: [[-7.62, 33.6048], [-7.626, 33.6063], [-7.633, 33.6058], [-7.642, 33.6063], [-7.652, 33.607]],
  },
  {
    nameFr: 'Boulevard des Almohades', nameAr: 'شارع الموحدين', roadClass: 'primary', lanes: 4, widthM: 24,
    line: [[-7.62, 33.6048], [-7.615, 33.604], [-7.61, 33.6035], [-7.604, 33.604], [-7.597, 33.605]],
  },
  {
    nameFr: 'Boulevard Houphouët-Boigny', nameAr: 'شارع هوفويت بوانيي', roadClass: 'secondary', lanes: 4, widthM: 18,
    line: [[-7.613, 33.603], [-7.615, 33.6005], [-7.6163, 33.598]],
  },
  {
    nameFr: 'Boulevard Mohammed V', nameAr: 'شارع محمد الخامس', roadClass: 'primary', lanes: 4, widthM: 24,
    line: [
      [-7.6163, 33.5978], [-7.614, 33.5968], [-7.611, 33.5957], [-7.6075, 33.5943], [-7.604, 33.5928],
      [-7.6, 33.5915], [-7.5965, 33.5905], [-7.5925, 33.5898], [-7.5905, 33.5893],
    ],
  },
  {
    nameFr: 'Avenue des FAR', nameAr: 'شارع القوات المسلحة الملكية', roadClass: 'primary', lanes: 6, widthM: 32,
    line: [[-7.6163, 33.5985], [-7.612, 33.599], [-7.607, 33.599], [-7.602, 33.5985]],
  },
  {
    nameFr: 'Boulevard Hassan II', nameAr: 'شارع الحسن الثاني', roadClass: 'primary', lanes: 6, widthM: 34,
    line: [
      [-7.6163, 33.5978], [-7.618, 33.5945], [-7.6186, 33.5925], [-7.62, 33.589], [-7.621, 33.5855], [-7.6205, 33.582],
      [-7.6195, 33.579],
    ],
  },
  {
    nameFr: 'Boulevard Moulay Youssef', nameAr: 'شارع مولاي يوسف', roadClass: 'secondary', lanes: 4, widthM: 24,
    line: [[-7.6172, 33.596], [-7.6215, 33.5945], [-7.6265, 33.5928], [-7.632, 33.5915], [-7.638, 33.5915]],
  },
  {
    nameFr: "Boulevard d'Anfa", nameAr: 'شارع أنفا', roadClass: 'primary', lanes: 4, widthM: 26,
    line: [[-7.6225, 33.595], [-7.6262, 33.5925], [-7.63, 33.59], [-7.6328, 33.5883], [-7.635, 33.5868], [-7.637, 33.5855]],
  },
  {
    nameFr: 'Boulevard Zerktouni', nameAr: 'شارع الزرقطوني', roadClass: 'primary', lanes: 4, widthM: 28,
    line: [
      [-7.644, 33.601], [-7.641, 33.5975], [-7.6375, 33.593], [-7.635, 33.59], [-7.6325, 33.5873],
      [-7.6295, 33.5845], [-7.626, 33.5815], [-7.6225, 33.579], [-7.6195, 33.577],
    ],
  },
  {
    nameFr: 'Boulevard Al Massira Al Khadra', nameAr: 'شارع المسيرة الخضراء', roadClass: 'primary', lanes: 4, widthM: 26,
    line: [
      [-7.623, 33.585], [-7.628, 33.5862], [-7.6325, 33.5873], [-7.638, 33.5868], [-7.644, 33.586], [-7.65, 33.5852],
      [-7.657, 33.5845],
    ],
  },
  {
    nameFr: 'Boulevard Abdelmoumen', nameAr: 'شارع عبد المومن', roadClass: 'primary', lanes: 4, widthM: 26,
    line: [
      [-7.6215, 33.586], [-7.623, 33.582], [-7.6245, 33.578], [-7.6255, 33.5735], [-7.6262, 33.569],
      [-7.6268, 33.564], [-7.627, 33.559], [-7.6268, 33.5555],
    ],
  },
  {
    nameFr: 'Boulevard Brahim Roudani', nameAr: 'شارع إبراهيم الروداني', roadClass: 'secondary', lanes: 4, widthM: 22,
    line: [[-7.6395, 33.59], [-7.639, 33.5855], [-7.6385, 33.581], [-7.638, 33.576], [-7.6375, 33.5705], [-7.637, 33.565]],
  },
  {
    nameFr: 'Boulevard Bir Anzarane', nameAr: 'شارع بئر أنزران', roadClass: 'secondary', lanes: 4, widthM: 20,
    line: [[-7.624, 33.58], [-7.629, 33.5803], [-7.634, 33.5807], [-7.6385, 33.581], [-7.644, 33.5805], [-7.65, 33.58]],
  },
  {
    nameFr: 'Boulevard Ghandi', nameAr: 'شارع غاندي', roadClass: 'primary', lanes: 4, widthM: 30,
    line: [
      [-7.65, 33.595], [-7.6495, 33.59], [-7.649, 33.585], [-7.6485, 33.58], [-7.648, 33.574],
      [-7.6475, 33.568], [-7.6468, 33.562], [-7.646, 33.556],
    ],
  },
  {
    nameFr: 'Boulevard Abdelkrim Khattabi', nameAr: 'شارع عبد الكريم الخطابي', roadClass: 'secondary', lanes: 4, widthM: 22,
    line: [[-7.633, 33.5835], [-7.638, 33.583], [-7.644, 33.5828], [-7.649, 33.5825], [-7.656, 33.582]],
  },
  {
    nameFr: "Route d'El Jadida", nameAr: 'طريق الجديدة', roadClass: 'trunk', lanes: 4, widthM: 28,
    line: [
      [-7.6255, 33.5735], [-7.632, 33.57], [-7.64, 33.5655], [-7.648, 33.561], [-7.656, 33.5565], [-7.665, 33.552],
      [-7.674, 33.547], [-7.683, 33.542], [-7.695, 33.535], [-7.708, 33.528],
    ],
  },
  {
    nameFr: 'Boulevard Sidi Abderrahmane', nameAr: 'شارع سيدي عبد الرحمان', roadClass: 'secondary', lanes: 4, widthM: 20,
    line: [[-7.662, 33.566], [-7.67, 33.57], [-7.678, 33.5745], [-7.686, 33.579], [-7.6925, 33.583]],
  },
  {
    nameFr: 'Boulevard Oued Sebou', nameAr: 'شارع واد سبو', roadClass: 'secondary', lanes: 4, widthM: 22,
    line: [[-7.66, 33.562], [-7.668, 33.5585], [-7.676, 33.555], [-7.685, 33.5515], [-7.695, 33.548], [-7.705, 33.5445]],
  },
  {
    nameFr: "Route d'Azemmour", nameAr: 'طريق أزمور', roadClass: 'trunk', lanes: 2, widthM: 14,
    line: [[-7.6935, 33.584], [-7.703, 33.5775], [-7.713, 33.5715], [-7.725, 33.565], [-7.737, 33.557]],
  },
  {
    nameFr: 'Boulevard Panoramique', nameAr: 'الشارع البانورامي', roadClass: 'secondary', lanes: 4, widthM: 22,
    line: [[-7.62, 33.553], [-7.629, 33.5525], [-7.638, 33.553], [-7.646, 33.554]],
  },
  {
    nameFr: 'Route de Nouaceur', nameAr: 'طريق النواصر', roadClass: 'trunk', lanes: 4, widthM: 26,
    line: [[-7.6268, 33.5555], [-7.629, 33.548], [-7.631, 33.54], [-7.633, 33.532], [-7.635, 33.523], [-7.637, 33.512], [-7.6385, 33.503]],
  },
  {
    nameFr: 'Boulevard Al Qods', nameAr: 'شارع القدس', roadClass: 'primary', lanes: 4, widthM: 28,
    line: [
      [-7.582, 33.537], [-7.595, 33.5365], [-7.608, 33.536], [-7.62, 33.5365], [-7.633, 33.537],
      [-7.646, 33.536], [-7.658, 33.534], [-7.67, 33.53],
    ],
  },
  {
    nameFr: 'Boulevard 2 Mars', nameAr: 'شارع 2 مارس', roadClass: 'secondary', lanes: 4, widthM: 22,
    line: [[-7.6195, 33.577], [-7.615, 33.5745], [-7.61, 33.572], [-7.605, 33.57], [-7.6, 33.5685]],
  },
  {
    nameFr: 'Boulevard Mers Sultan', nameAr: 'شارع مرس السلطان', roadClass: 'secondary', lanes: 4, widthM: 18,
    line: [[-7.615, 33.5905], [-7.612, 33.587], [-7.609, 33.5835], [-7.606, 33.58]],
  },
  {
    nameFr: 'Boulevard de la Résistance', nameAr: 'شارع المقاومة', roadClass: 'primary', lanes: 4, widthM: 24,
    line: [[-7.611, 33.587], [-7.6075, 33.59], [-7.604, 33.5928], [-7.601, 33.596], [-7.5985, 33.6]],
  },
  {
    nameFr: 'Boulevard de Paris', nameAr: 'شارع باريس', roadClass: 'tertiary', lanes: 2, widthM: 14, isOneWay: true,
    line: [[-7.6175, 33.5935], [-7.614, 33.5925], [-7.61, 33.5912]],
  },
  {
    nameFr: 'Rue Prince Moulay Abdallah', nameAr: 'زنقة الأمير مولاي عبد الله', roadClass: 'pedestrian', lanes: 1, widthM: 10,
    surface: 'paving_stones',
    line: [[-7.6155, 33.5955], [-7.614, 33.5935], [-7.6125, 33.5915]],
  },
  {
    nameFr: 'Boulevard Rachidi', nameAr: 'شارع الراشدي', roadClass: 'tertiary', lanes: 2, widthM: 16,
    line: [[-7.619, 33.5905], [-7.623, 33.5895], [-7.627, 33.588]],
  },
  {
    nameFr: 'Boulevard Mohamed Smiha', nameAr: 'شارع محمد سميحة', roadClass: 'secondary', lanes: 4, widthM: 20,
    line: [[-7.6065, 33.6], [-7.606, 33.5955], [-7.6058, 33.592], [-7.6055, 33.5885]],
  },
];
