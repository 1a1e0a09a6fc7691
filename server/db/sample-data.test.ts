import { area, booleanPointInPolygon, intersect, featureCollection, multiPolygon, polygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { findArrondissement, getArrondissementAreas } from '../../data/sample/admin-geometry.ts';
import { type LonLat, distanceMeters, isInMultiPolygon, isInRing } from '../../data/sample/geometry.ts';
import { gradeForScore } from '../../data/sample/inspections.ts';
import { VIOLATION_VALUES } from '../layers/definitions/hygiene-violations.ts';
import { readCityOutline, readOsmRoads } from '../../data/sample/osm-data.ts';
import { allocateCounts } from '../../data/sample/placement.ts';
import { createRandom } from '../../data/sample/random.ts';
import { loadSampleDataset, type SampleDataset } from '../../data/sample/sample-dataset.ts';
import { frontageIn, frontageRoads } from '../../data/sample/street-placement.ts';
import { buildStreetGraph, nearestStation, routeBetween } from '../../data/sample/street-routing.ts';

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

describe('distances', () => {
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

  it('places things beside a real street of the chosen arrondissement (checked by turf)', async () => {
    const random = createRandom('placement-test');
    const areas = getArrondissementAreas();
    const roads = frontageRoads(await readOsmRoads(), areas);
    for (const area of areas) {
      expect(roads.get(area.code)!.length, area.nameFr).toBeGreaterThan(50);
      for (let index = 0; index < 10; index += 1) {
        const { position, streetName } = frontageIn(area, roads.get(area.code)!, random, [6, 14]);
        expect(booleanPointInPolygon(position, multiPolygon(area.coordinates))).toBe(true);
        expect(findArrondissement(position)?.code).toBe(area.code);
        if (streetName !== null) expect(streetName).not.toMatch(/[\u0600-\u06FF]/);
      }
    }
  }, 60_000);

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

  it('partition the real city outline (OpenStreetMap, the Méchouar enclave cut out): 16 areas, no overlap, nothing missing', () => {
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
    expect(total / area(polygon(readCityOutline()))).toBeCloseTo(1, 6);
    expect(total / 1e6).toBeCloseTo(216, -1);
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
  let dataset: SampleDataset;
  beforeAll(async () => {
    dataset = await loadSampleDataset();
  }, 60_000);

  it('has the 16 arrondissements, each naming its préfecture, inside the city', () => {
    const features = dataset.arrondissements.features;
    expect(features).toHaveLength(16);
    expect(new Set(features.map((feature) => feature.properties!.prefecture_code)).size).toBe(8);
    for (const feature of features) {
      expect(feature.properties).toMatchObject({ level: 'arrondissement', code: expect.stringMatching(/^06\.141\.01\.\d\d$/) });
      expect(feature.properties!.name_ar).toMatch(/[\u0600-\u06FF]/);
    }
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

  it('places premises beside the streets (a road vertex within 400 m, the road itself 6 to 14 m away) and inside the city', async () => {
    const roads = await readOsmRoads();
    const vertices = roads.flatMap((road) => road.line);
    const nearest = (point: LonLat) => Math.min(...vertices.filter((vertex) => Math.abs(vertex[1] - point[1]) < 0.002 && Math.abs(vertex[0] - point[0]) < 0.002).map((vertex) => distanceMeters(point, vertex)));
    for (const establishment of dataset.establishments.slice(0, 40)) expect(nearest(establishment.geometry.coordinates)).toBeLessThan(400);
    expect(dataset.establishments.every((establishment) => isInMultiPolygon(establishment.geometry.coordinates, [readCityOutline()]))).toBe(true);
  }, 60_000);
});

describe('transit on the streets', () => {
  it('routes along the streets between two stops, or gives up rather than wind', async () => {
    const graph = buildStreetGraph(await readOsmRoads());
    // Casa Voyageurs to Place Mohammed V: about 2.7 km as the crow flies.
    const from = nearestStation(graph, [-7.5905, 33.5893]);
    const to = nearestStation(graph, [-7.6186, 33.5925], new Set([from]));
    const path = routeBetween(graph, from, to)!;
    let metres = 0;
    for (let index = 1; index < path.length; index += 1) metres += distanceMeters(path[index - 1]!, path[index]!);
    expect(metres).toBeGreaterThan(distanceMeters(path[0]!, path.at(-1)!));
    expect(metres).toBeLessThan(2 * distanceMeters(path[0]!, path.at(-1)!) + 500);
    expect(nearestStation(graph, [-7.5905, 33.5893], new Set([from]))).not.toBe(from);
  }, 60_000);
});
