import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildShapefileZip, WGS84_PRJ } from '../../tests/fixtures/import/build-shapefile-zip.ts';
import { convertValue } from './convert-value.ts';
import { normalizeGeometry } from './normalize-geometry.ts';
import { parseField } from './read-dbf.ts';
import { readGeojson } from './read-geojson.ts';
import { readShapefileZip } from './read-shapefile-zip.ts';

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;
const PROPERTY_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'enum', 'string_list'] as const;
/** Points around Grand Casablanca (the importer takes any WGS 84 position; the region is the data's). */
const [WEST, SOUTH, EAST, NORTH] = [-7.98, 33.21, -7.09, 33.88];

/** A file's result: features, or issues that say why not; a reader never throws at the person importing. */
function expectDataset(dataset: { features: unknown[]; issues: { code: string }[] }): void {
  expect(Array.isArray(dataset.features)).toBe(true);
  expect(Array.isArray(dataset.issues)).toBe(true);
  for (const issue of dataset.issues) expect(typeof issue.code).toBe('string');
}

describe('importers (properties)', () => {
  it('readGeojson answers any bytes with a dataset', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => expectDataset(readGeojson(bytes))), { numRuns: 2_000 });
  });

  it('readGeojson answers any JSON, GeoJSON-shaped or not, with a dataset', () => {
    const featureLike = fc.record({
      type: fc.constantFrom('Feature', 'FeatureCollection', 'feature', 42),
      geometry: fc.jsonValue({ maxDepth: 4 }),
      properties: fc.jsonValue({ maxDepth: 3 }),
      features: fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 5 }),
      crs: fc.jsonValue({ maxDepth: 3 }),
    }, { requiredKeys: ['type'] });
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), featureLike), (value) => {
      expectDataset(readGeojson(new TextEncoder().encode(JSON.stringify(value))));
    }), { numRuns: 2_000 });
  });

  it('normalizeGeometry never throws, and what it keeps is of an allowed type with finite lon/lat', () => {
    const value = fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.record({ type: fc.constantFrom(...GEOMETRY_TYPES), coordinates: fc.jsonValue({ maxDepth: 5 }) }));
    fc.assert(fc.property(value, fc.subarray([...GEOMETRY_TYPES], { minLength: 1 }), (geometry, allowed) => {
      const result = normalizeGeometry(geometry, allowed);
      if (!result.geometry) return;
      expect(allowed).toContain(result.geometry.type);
      const numbers = (value: unknown): unknown[] => (Array.isArray(value) ? value.flatMap(numbers) : [value]);
      for (const number of numbers((result.geometry as { coordinates: unknown }).coordinates)) expect(Number.isFinite(number)).toBe(true);
    }), { numRuns: 3_000 });
  });

  it('convertValue and parseField never throw, whatever the source holds', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.date({ noInvalidDate: false }), fc.string()), fc.constantFrom(...PROPERTY_TYPES), (value, type) => {
      convertValue(value, type);
    }), { numRuns: 3_000 });
    fc.assert(fc.property(fc.constantFrom('C', 'N', 'F', 'L', 'D', 'M', '?'), fc.string(), (type, text) => {
      const parsed = parseField(type, text);
      if ((type === 'N' || type === 'F') && parsed !== null) expect(Number.isFinite(parsed)).toBe(true);
    }), { numRuns: 3_000 });
  });

  it('readShapefileZip reads back the points and attributes a shapefile was written with', async () => {
    const text = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCÉéèàçشارعالدار0123456789-\'"'.split('')), maxLength: 20 })
      .map((value) => value.trim()).filter((value) => value.length > 0 && new TextEncoder().encode(value).length <= 40);
    const record = fc.record({
      point: fc.tuple(fc.double({ min: WEST, max: EAST, noNaN: true }), fc.double({ min: SOUTH, max: NORTH, noNaN: true })),
      name: text,
      lanes: fc.integer({ min: 0, max: 99_999 }),
    });
    await fc.assert(fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 20 }), async (records) => {
      const zip = buildShapefileZip([{
        name: 'stops', kind: 'point', prj: WGS84_PRJ, cpg: 'UTF-8',
        fields: [{ name: 'name', type: 'C', length: 40 }, { name: 'lanes', type: 'N', length: 5 }],
        records: records.map(({ point, name, lanes }) => ({ geometry: point, values: [name, lanes] })),
      }]);
      const dataset = await readShapefileZip(zip, 'transit_stops');
      expect(dataset.issues).toEqual([]);
      expect(dataset.features.map((feature) => feature.properties)).toEqual(records.map(({ name, lanes }) => ({ name, lanes })));
      expect(dataset.features.map((feature) => (feature.geometry as { coordinates: number[] }).coordinates)).toEqual(records.map(({ point }) => point));
    }), { numRuns: 100 });
  });

  it('readShapefileZip answers corrupted archives and random bytes with a dataset', async () => {
    const zip = buildShapefileZip([{
      name: 'stops', kind: 'point', prj: WGS84_PRJ, fields: [{ name: 'name', type: 'C', length: 10 }],
      records: [{ geometry: [-7.6, 33.6], values: ['Anfa'] }, { geometry: [-7.5, 33.5], values: ['Maarif'] }],
    }]);
    const corruption = fc.array(fc.tuple(fc.nat({ max: zip.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
    await fc.assert(fc.asyncProperty(corruption, async (changes) => {
      const damaged = zip.slice();
      for (const [offset, byte] of changes) damaged[offset] = byte;
      expectDataset(await readShapefileZip(damaged, 'transit_stops'));
    }), { numRuns: 300 });
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 1_000 }), async (bytes) => {
      expectDataset(await readShapefileZip(bytes, 'transit_stops'));
    }), { numRuns: 300 });
  });
});
