import { SAMPLE_REFERENCE_DATE, addDays } from './dates.ts';
import { type LonLat, cutLine, lineLengthMeters, planCuts, roundPosition } from './geometry.ts';
import { type LocalStreetBlock, NEIGHBOURHOODS, generateLocalStreets } from './local-streets.ts';
import { type Random, createRandom } from './random.ts';
import { EAST_AXES } from './road-axes-east.ts';
import { WEST_AXES } from './road-axes-west.ts';
import type { RoadAxis, RoadCondition, RoadSegmentRow, RoadSurface, Sidewalks } from './road-types.ts';

/** Main streets are cut into segments of this length range, metres (a typical municipal inventory unit). */
export const AXIS_SEGMENT_MIN_M = 150;
export const AXIS_SEGMENT_MAX_M = 400;

/** Rounds positions and drops repeats, so no segment carries a zero-length step. */
function tidyLine(line: readonly LonLat[]): LonLat[] {
  const tidy: LonLat[] = [];
  for (const position of line.map(roundPosition)) {
    const last = tidy[tidy.length - 1];
    if (!last || last[0] !== position[0] || last[1] !== position[1]) tidy.push(position);
  }
  return tidy;
}

/**
 * When the segment was last resurfaced (null = unknown, about one in seven; otherwise within the last
 * twelve years) and the condition that follows: a recent job is mostly good, an old one fair or poor.
 */
function worksAndCondition(random: Random): { lastWorksOn: string | null; condition: RoadCondition } {
  if (random.chance(0.14)) return { lastWorksOn: null, condition: random.weighted({ good: 1, fair: 4, poor: 3, critical: 1 }) };
  const ageDays = random.int(30, 12 * 365);
  const years = ageDays / 365;
  const condition =
    years < 3
      ? random.weighted({ good: 8, fair: 2, poor: 0.3, critical: 0 })
      : years < 7
        ? random.weighted({ good: 4, fair: 6, poor: 1.5, critical: 0.2 })
        : random.weighted({ good: 0.5, fair: 4, poor: 4, critical: 1 });
  return { lastWorksOn: addDays(SAMPLE_REFERENCE_DATE, -ageDays), condition };
}

function axisSegments(axis: RoadAxis, random: Random): RoadSegmentRow[] {
  const line = tidyLine(axis.line);
  const pieces = cutLine(line, planCuts(lineLengthMeters(line), AXIS_SEGMENT_MIN_M, AXIS_SEGMENT_MAX_M, random));
  return pieces.map((piece) => {
    const { lastWorksOn, condition } = worksAndCondition(random);
    return {
      name_fr: axis.nameFr,
      name_ar: axis.nameAr,
      road_class: axis.roadClass,
      surface: axis.surface ?? (axis.roadClass === 'pedestrian' ? 'paving_stones' : 'asphalt'),
      condition,
      width_m: Math.round((axis.widthM + random.float(-1.5, 1.5)) * 10) / 10,
      lanes: axis.lanes,
      sidewalks: axis.roadClass === 'motorway' ? 'none' : 'both',
      is_lit: true,
      is_one_way: axis.isOneWay ?? false,
      last_works_on: lastWorksOn,
      geometry: { type: 'LineString', coordinates: tidyLine(piece) },
    };
  });
}

/** Traits shared by every block of one local street. */
interface StreetTraits {
  isOneWay: boolean;
  widthM: number;
  surface: RoadSurface;
  sidewalks: Sidewalks;
  isLit: boolean;
}

function streetTraits(block: LocalStreetBlock): StreetTraits {
  const random = createRandom(`street-traits:${block.streetKey}`);
  const isCentral = block.profile === 'central';
  const surface: RoadSurface = isCentral
    ? random.weighted({ asphalt: 9, paving_stones: 1 })
    : random.weighted({ asphalt: 15, concrete: 2, gravel: 1, unpaved: 2 });
  const isPaved = surface !== 'unpaved' && surface !== 'gravel';
  return {
    isOneWay: !block.isCollector && random.chance(isCentral ? 0.55 : 0.15),
    widthM: Math.round((block.isCollector ? random.float(13, 18) : random.float(isCentral ? 9 : 7, isCentral ? 14 : 12)) * 10) / 10,
    surface,
    sidewalks: !isPaved
      ? 'none'
      : isCentral
        ? random.weighted({ both: 19, right: 1 })
        : random.weighted({ both: 6, left: 1, right: 1, none: 2 }),
    isLit: isPaved && random.chance(isCentral ? 0.97 : 0.82),
  };
}

function localSegment(block: LocalStreetBlock, random: Random): RoadSegmentRow {
  const traits = streetTraits(block);
  const { lastWorksOn, condition } = worksAndCondition(random);
  const isDirt = traits.surface === 'unpaved' || traits.surface === 'gravel';
  return {
    name_fr: block.name.fr,
    name_ar: block.name.ar,
    road_class: block.isCollector ? 'tertiary' : 'residential',
    surface: traits.surface,
    condition: isDirt && condition === 'good' ? 'fair' : condition,
    width_m: traits.widthM,
    lanes: traits.isOneWay ? 1 : 2,
    sidewalks: traits.sidewalks,
    is_lit: traits.isLit,
    is_one_way: traits.isOneWay,
    last_works_on: isDirt ? null : lastWorksOn,
    geometry: { type: 'LineString', coordinates: tidyLine(block.line) },
  };
}

/**
 * The sample street network: the hand-drawn main axes cut into 150-400 m segments, then the generated
 * local streets of the neighbourhood grids (one segment per block). Deterministic.
 */
export function buildRoadSegments(): RoadSegmentRow[] {
  const random = createRandom('road-segments');
  const axes = [...WEST_AXES, ...EAST_AXES].flatMap((axis) => axisSegments(axis, random));
  const locals = NEIGHBOURHOODS.flatMap(generateLocalStreets).map((block) => localSegment(block, random));
  return [...axes, ...locals];
}
