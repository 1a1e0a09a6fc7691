import { CITY_OUTLINE } from './city-outline.ts';
import { type LonLat, isInRing, offsetMeters, roundPosition } from './geometry.ts';
import { createRandom } from './random.ts';
import { LOCAL_STREET_NAMES, numberedStreet, type StreetName } from './street-names.ts';

/** 'central': older named streets, one-way pairs; 'outer': numbered streets of the housing estates. */
export type StreetProfile = 'central' | 'outer';

/** A neighbourhood whose local streets the sample generates as a slightly irregular grid. */
export interface Neighbourhood {
  name: string;
  /** Grid centre, EPSG:4326. */
  center: LonLat;
  /** Grid rotation, degrees counter-clockwise from east (Casablanca's grids are rarely north-up). */
  angleDeg: number;
  columns: number;
  rows: number;
  /** Block length, metres: one block is one road segment. */
  blockMeters: number;
  profile: StreetProfile;
}

/** One block of a local street: a two-point line between grid crossings. */
export interface LocalStreetBlock {
  /** Same for every block of one street (neighbourhood and line), so street-wide traits stay consistent. */
  streetKey: string;
  name: StreetName;
  profile: StreetProfile;
  /** Every fourth street of a grid is a collector (tertiary), the rest are residential. */
  isCollector: boolean;
  line: [LonLat, LonLat];
}

/** Hand-placed neighbourhood grids (centres approximate), central ones first. */
export const NEIGHBOURHOODS: readonly Neighbourhood[] = [
  { name: 'Centre-ville', center: [-7.613, 33.5915], angleDeg: -20, columns: 9, rows: 8, blockMeters: 150, profile: 'central' },
  { name: 'Gauthier - Racine', center: [-7.6285, 33.5915], angleDeg: 25, columns: 8, rows: 7, blockMeters: 150, profile: 'central' },
  { name: 'Maârif', center: [-7.6425, 33.579], angleDeg: 5, columns: 10, rows: 10, blockMeters: 155, profile: 'central' },
  { name: 'Bourgogne', center: [-7.639, 33.6005], angleDeg: 30, columns: 7, rows: 5, blockMeters: 150, profile: 'central' },
  { name: 'Derb Sultan - Al Fida', center: [-7.6035, 33.5735], angleDeg: -15, columns: 8, rows: 8, blockMeters: 160, profile: 'central' },
  { name: 'Hay Mohammadi', center: [-7.566, 33.5885], angleDeg: 10, columns: 8, rows: 8, blockMeters: 165, profile: 'outer' },
  { name: 'Sidi Bernoussi', center: [-7.503, 33.6075], angleDeg: 20, columns: 8, rows: 7, blockMeters: 180, profile: 'outer' },
  { name: 'Hay Hassani', center: [-7.672, 33.5575], angleDeg: 30, columns: 9, rows: 8, blockMeters: 175, profile: 'outer' },
  { name: 'Aïn Chock', center: [-7.612, 33.5445], angleDeg: 0, columns: 8, rows: 8, blockMeters: 175, profile: 'outer' },
  { name: 'Moulay Rachid', center: [-7.551, 33.5535], angleDeg: 15, columns: 7, rows: 7, blockMeters: 170, profile: 'outer' },
  { name: 'Sidi Moumen', center: [-7.513, 33.5815], angleDeg: 0, columns: 8, rows: 7, blockMeters: 180, profile: 'outer' },
  { name: "Ben M'Sick - Sbata", center: [-7.582, 33.5585], angleDeg: 5, columns: 7, rows: 7, blockMeters: 165, profile: 'outer' },
  { name: 'Oulfa', center: [-7.688, 33.5465], angleDeg: 35, columns: 7, rows: 7, blockMeters: 175, profile: 'outer' },
  { name: 'Aïn Sebaâ', center: [-7.546, 33.5985], angleDeg: 20, columns: 7, rows: 6, blockMeters: 175, profile: 'outer' },
  { name: 'Sidi Othmane', center: [-7.558, 33.569], angleDeg: 0, columns: 6, rows: 6, blockMeters: 165, profile: 'outer' },
  { name: 'Roches Noires', center: [-7.584, 33.6], angleDeg: 20, columns: 6, rows: 5, blockMeters: 150, profile: 'outer' },
  { name: 'Lissasfa', center: [-7.675, 33.5305], angleDeg: 25, columns: 6, rows: 6, blockMeters: 180, profile: 'outer' },
];

/** Grid crossings in EPSG:4326, each nudged by up to 10 m so the grid does not look ruled. */
function gridNodes(area: Neighbourhood): LonLat[][] {
  const random = createRandom(`streets:${area.name}`);
  const angle = (area.angleDeg * Math.PI) / 180;
  const nodes: LonLat[][] = [];
  for (let column = 0; column <= area.columns; column += 1) {
    const line: LonLat[] = [];
    for (let row = 0; row <= area.rows; row += 1) {
      const x = (column - area.columns / 2) * area.blockMeters + random.float(-10, 10);
      const y = (row - area.rows / 2) * area.blockMeters + random.float(-10, 10);
      const east = x * Math.cos(angle) - y * Math.sin(angle);
      const north = x * Math.sin(angle) + y * Math.cos(angle);
      line.push(roundPosition(offsetMeters(area.center, east, north)));
    }
    nodes.push(line);
  }
  return nodes;
}

/** Street names for a grid's lines: shuffled pool names in central areas, numbers elsewhere. */
function streetNames(area: Neighbourhood, count: number): StreetName[] {
  if (area.profile === 'outer') return Array.from({ length: count }, (_, index) => numberedStreet(index + 1));
  const random = createRandom(`street-names:${area.name}`);
  const pool = [...LOCAL_STREET_NAMES];
  for (let index = pool.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [pool[index], pool[other]] = [pool[other]!, pool[index]!];
  }
  return Array.from({ length: count }, (_, index) => pool[index % pool.length]!);
}

/** The blocks of one neighbourhood, dropping any that would leave the city outline (the sea). */
export function generateLocalStreets(area: Neighbourhood): LocalStreetBlock[] {
  const nodes = gridNodes(area);
  const names = streetNames(area, area.columns + area.rows + 2);
  const blocks: LocalStreetBlock[] = [];
  const add = (lineIndex: number, from: LonLat, to: LonLat) => {
    if (!isInRing(from, CITY_OUTLINE) || !isInRing(to, CITY_OUTLINE)) return;
    blocks.push({
      streetKey: `${area.name}#${lineIndex}`,
      name: names[lineIndex]!,
      profile: area.profile,
      isCollector: lineIndex % 4 === 2,
      line: [from, to],
    });
  };
  for (let column = 0; column <= area.columns; column += 1) {
    for (let row = 0; row < area.rows; row += 1) add(column, nodes[column]![row]!, nodes[column]![row + 1]!);
  }
  for (let row = 0; row <= area.rows; row += 1) {
    for (let column = 0; column < area.columns; column += 1) {
      add(area.columns + 1 + row, nodes[column]![row]!, nodes[column + 1]![row]!);
    }
  }
  return blocks;
}
