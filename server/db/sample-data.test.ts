import { area, booleanPointInPolygon, intersect, featureCollection, multiPolygon, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { findArrondissement, getArrondissementAreas } from '../../data/sample/admin-geometry.ts';
import { CITY_OUTLINE } from '../../data/sample/city-outline.ts';
import {
  type LonLat,
  cutLine,
  distanceMeters,
  isInMultiPolygon,
  isInRing,
  lineLengthMeters,
  planCuts,
} from '../../data/sample/geometry.ts';
import { gradeForScore } from '../../data/sample/inspections.ts';
import { VIOLATION_VALUES } from '../layers/definitions/hygiene-violations.ts';
import { allocateCounts, randomPointIn } from '../../data/sample/placement.ts';
import { createRandom } from '../../data/sample/random.ts';
import { AXIS_SEGMENT_MAX_M, AXIS_SEGMENT_MIN_M, buildRoadSegments } from '../../data/sample/roads.ts';
import { getSampleDataset } from '../../data/sample/sample-dataset.ts';
import { TRANSIT_ROUTES, TRANSIT_STOPS, buildTransitRows } from '../../data/sample/transit.ts';

describe('createRandom', () => {
  it('gives the same sequence for the same seed, on every machine', () => {
    const first = createRandom('permits');
    const second = createRandom('permits');
    const values = Array.from({ length: 5 }, () => first.next());
    expect(Array.from({ length: 5 }, () => second.next())).toEqual(values);
    // Pinned: mulberry32 is integer-only, so these exact values must come out everywhere.
    expect(createRandom(42).next()).toBe(0.6011037519201636);
    expect(createRandom('casa').int(1, 1000)).toBe(createRandom('casa').int(1, 1000));
  });

  it('gives different sequences for different seeds', () => {
    expect(createRandom('roads').next()).not.toBe(createRandom('permits').next());
  });

  it('keeps int() within bounds and reaches both ends', () => {
    const random = createRandom(7);
    const seen = new Set(Array.from({ length: 2_000 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws weighted keys in proportion to their weights', () => {
    const random = createRandom(11);
    const counts = { a: 0, b: 0 };
    for (let index = 0; index < 10_000; index += 1) counts[random.weighted({ a: 3, b: 1 })] += 1;
    expect(counts.a / 10_000).toBeGreaterThan(0.72);
    expect(counts.a / 10_000).toBeLessThan(0.78);
  });
});

describe('planCuts and cutLine', () => {
  const line: LonLat[] = [[-7.63, 33.58], [-7.62, 33.585], [-7.6, 33.586], [-7.58, 33.6]];

  it('cuts a line into pieces within the length bounds that add up to the whole', () => {
    const total = lineLengthMeters(line);
    const pieces = cutLine(line, planCuts(total, 150, 400, createRandom(1)));
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(total / 400));
    for (const piece of pieces) {
      expect(lineLengthMeters(piece)).toBeGreaterThanOrEqual(149.9);
      expect(lineLengthMeters(piece)).toBeLessThanOrEqual(400.1);
    }
    expect(pieces.reduce((sum, piece) => sum + lineLengthMeters(piece), 0)).toBeCloseTo(total, 3);
  });

  it('keeps pieces connected, the ends in place and the original vertices', () => {
    const pieces = cutLine(line, planCuts(lineLengthMeters(line), 150, 400, createRandom(2)));
    expect(pieces[0]![0]).toEqual(line[0]);
    expect(pieces.at(-1)!.at(-1)).toEqual(line.at(-1));
    for (let index = 1; index < pieces.length; index += 1) expect(pieces[index]![0]).toEqual(pieces[index - 1]!.at(-1));
    for (const vertex of line.slice(1, -1)) expect(pieces.some((piece) => piece.slice(1, -1).some((p) => p === vertex))).toBe(true);
  });

  it('cuts exactly where asked and leaves a short line whole', () => {
    const straight: LonLat[] = [[-7.6, 33.6], [-7.59, 33.6]];
    const [a, b] = cutLine(straight, [300]);
    expect(lineLengthMeters(a!)).toBeCloseTo(300, 6);
    expect(lineLengthMeters(b!)).toBeCloseTo(lineLengthMeters(straight) - 300, 6);
    expect(planCuts(120, 150, 400, createRandom(3))).toEqual([]);
  });

  it('measures distances in metres (one minute of latitude is about 1852 m)', () => {
    expect(distanceMeters([-7.6, 33.6], [-7.6, 33.6 + 1 / 60])).toBeCloseTo(1853, -1);
  });
});

describe('point in area', () => {
  const square: LonLat[] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
  const hole: LonLat[] = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]];

  it('tells inside from outside and respects holes', () => {
    expect(isInRing([5, 5], square)).toBe(true);
    expect(isInRing([11, 5], square)).toBe(false);
    expect(isInMultiPolygon([5, 5], [[square, hole]])).toBe(false);
    expect(isInMultiPolygon([2, 2], [[square, hole]])).toBe(true);
  });

  it('places random points inside the chosen arrondissement (checked by turf)', () => {
    const random = createRandom('placement-test');
    for (const area of getArrondissementAreas()) {
      for (let index = 0; index < 20; index += 1) {
        const point = randomPointIn(area, random);
        expect(booleanPointInPolygon(point, multiPolygon(area.coordinates))).toBe(true);
        expect(findArrondissement(point)?.code).toBe(area.code);
      }
    }
  });

  it('splits counts exactly, with a floor, in proportion to weights', () => {
    const counts = allocateCounts(600, [100, 300, 600], 15);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(600);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(15);
    expect(counts[2]).toBeGreaterThan(counts[1]!);
    expect(() => allocateCounts(10, [1, 1, 1], 5)).toThrow(RangeError);
  });
});

describe('arrondissement polygons', () => {
  const areas = getArrondissementAreas();

  it('partition the city outline: 16 areas, no overlap, nothing missing', () => {
    expect(areas).toHaveLength(16);
    let overlap = 0;
    for (let i = 0; i < areas.length; i += 1) {
      for (let j = i + 1; j < areas.length; j += 1) {
        const shared = intersect(featureCollection([multiPolygon(areas[i]!.coordinates), multiPolygon(areas[j]!.coordinates)]));
        overlap += shared ? area(shared) : 0;
      }
    }
    expect(overlap).toBeLessThan(1);
    const total = areas.reduce((sum, item) => sum + area(multiPolygon(item.coordinates)), 0);
    expect(total / area(polygon([CITY_OUTLINE]))).toBeCloseTo(1, 6);
  });

  it('put known places in the right arrondissement', () => {
    expect(findArrondissement([-7.6328, 33.5883])?.nameFr).toBe('Anfa');
    expect(['Anfa', 'Maârif']).toContain(findArrondissement([-7.6325, 33.5873])?.nameFr);
    expect(findArrondissement([-7.53, 33.58])?.nameFr).toBe('Sidi Moumen');
    expect(findArrondissement([-7.67, 33.55])?.nameFr).toBe('Hay Hassani');
    expect(findArrondissement([-7.6186, 33.5928])?.nameFr).toBe('Sidi Belyout');
    expect(findArrondissement([-7.2, 33.6])).toBeUndefined();
  });
});

describe('the sample dataset', () => {
  const dataset = getSampleDataset();

  it('is the same on every build', () => {
    expect(JSON.stringify(buildRoadSegments())).toBe(JSON.stringify(dataset.roadSegments));
  });

  it('has a street network of 150-400 m main-axis segments inside the city, named in both languages', () => {
    const segments = dataset.roadSegments;
    expect(segments.length).toBeGreaterThanOrEqual(1_500);
    for (const segment of segments) {
      expect(segment.name_fr && segment.name_ar).toBeTruthy();
      expect(segment.geometry.coordinates.every((position) => isInRing(position, CITY_OUTLINE))).toBe(true);
      const length = lineLengthMeters(segment.geometry.coordinates);
      expect(length).toBeGreaterThan(100);
      if (segment.road_class !== 'residential' && segment.road_class !== 'tertiary') {
        expect(length).toBeGreaterThanOrEqual(AXIS_SEGMENT_MIN_M - 1);
        expect(length).toBeLessThanOrEqual(AXIS_SEGMENT_MAX_M + 1);
      }
    }
    expect(new Set(segments.map((segment) => segment.road_class))).toEqual(
      new Set(['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'residential', 'pedestrian']),
    );
  });

  it('has permits whose references and dates satisfy the table CHECKs', () => {
    const references = dataset.permits.map((permit) => permit.reference);
    expect(new Set(references).size).toBe(references.length);
    for (const permit of dataset.permits) {
      expect(permit.reference).toMatch(/^[A-Z0-9][A-Z0-9/-]{3,40}$/);
      expect(permit.decided_on === null).toBe(permit.status === 'submitted' || permit.status === 'under_review');
      if (permit.decided_on) expect(permit.decided_on >= permit.submitted_on).toBe(true);
      if (permit.valid_until) expect(permit.valid_until >= permit.submitted_on).toBe(true);
      if (permit.applicant_phone) expect(permit.applicant_phone).toMatch(/^\+212 6[0-9 ]+$/);
      if (permit.applicant_email) expect(permit.applicant_email).toMatch(/^[^@\s]+@exemple\.ma$/);
    }
    expect(new Set(dataset.permits.map((permit) => permit.status)).size).toBe(6);
  });

  it('grades inspections by score and sets each establishment to its latest grade', () => {
    for (const inspection of dataset.inspections) {
      expect(inspection.grade).toBe(gradeForScore(inspection.score));
      expect(inspection.follow_up_on === null).toBe(inspection.outcome === 'compliant');
      expect(inspection.violations.length === 0).toBe(inspection.outcome === 'compliant');
      for (const violation of inspection.violations) expect(Object.keys(VIOLATION_VALUES)).toContain(violation);
    }
    const latest = new Map<number, { on: string; grade: string }>();
    for (const inspection of dataset.inspections) {
      const current = latest.get(inspection.establishment_index);
      if (!current || inspection.inspected_on > current.on) {
        latest.set(inspection.establishment_index, { on: inspection.inspected_on, grade: inspection.grade });
      }
    }
    for (const [index, establishment] of dataset.establishments.entries()) expect(establishment.latest_grade).toBe(latest.get(index)?.grade ?? null);
    expect(new Set(dataset.establishments.map((establishment) => establishment.category)).size).toBe(12);
  });

  it('has the tram and busway lines with stops of their own mode', () => {
    const rows = buildTransitRows();
    expect(rows.routes.map((route) => route.line_code)).toEqual(expect.arrayContaining(['T1', 'T2', 'T3', 'T4', 'BW1', 'BW2']));
    expect(rows.routes.filter((route) => route.mode === 'bus').length).toBeGreaterThanOrEqual(5);
    for (const route of rows.routes) expect(route.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(() => buildTransitRows([{ ...TRANSIT_ROUTES[0]!, stopCodes: ['T1-01', 'BUS-001'] }], TRANSIT_STOPS)).toThrow(/bus stop BUS-001/);
    expect(() => buildTransitRows([{ ...TRANSIT_ROUTES[0]!, stopCodes: ['T1-01', 'NOPE'] }], TRANSIT_STOPS)).toThrow(/unknown stop/);
  });
});
