import fc from 'fast-check';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LayerRegistry } from '../layers/registry.ts';
import type { Bbox } from '../layers/geometry-bbox.ts';
import { checkGeometryShape, to2d } from './geometry-checks.ts';

const registry = new LayerRegistry();
const layers = registry.layers.filter((layer) => !layer.geometry.isDerived);
/** The region comes from the data (layers/region.ts); any box serves here, this one around Grand Casablanca. */
const REGION: Bbox = [-7.98, 33.21, -7.09, 33.88];
const LIMITS = { maxVertices: 500, region: REGION };
const [WEST, SOUTH, EAST, NORTH] = REGION;

const inRegion = fc.tuple(fc.double({ min: WEST, max: EAST, noNaN: true }), fc.double({ min: SOUTH, max: NORTH, noNaN: true }));
const line = fc.array(inRegion, { minLength: 2, maxLength: 20 });
/** A closed ring: at least three positions, then the first again. */
const ring = fc.array(inRegion, { minLength: 3, maxLength: 20 }).map((positions) => [...positions, positions[0]!]);

/** Well-formed geometries of every type, inside the region (validity proper is PostGIS's). */
const wellFormed: fc.Arbitrary<Geometry> = fc.oneof(
  inRegion.map((coordinates): Geometry => ({ type: 'Point', coordinates })),
  fc.array(inRegion, { minLength: 1, maxLength: 10 }).map((coordinates): Geometry => ({ type: 'MultiPoint', coordinates })),
  line.map((coordinates): Geometry => ({ type: 'LineString', coordinates })),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((coordinates): Geometry => ({ type: 'MultiLineString', coordinates })),
  fc.array(ring, { minLength: 1, maxLength: 3 }).map((coordinates): Geometry => ({ type: 'Polygon', coordinates })),
  fc.array(fc.array(ring, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }).map((coordinates): Geometry => ({ type: 'MultiPolygon', coordinates })),
);

const positionsOf = (value: unknown): number[][] =>
  Array.isArray(value) && typeof value[0] === 'number' ? [value as number[]] : Array.isArray(value) ? value.flatMap(positionsOf) : [];

describe('checkGeometryShape (properties)', () => {
  it('never throws on any JSON value, and every issue points into /geometry with three languages', () => {
    fc.assert(fc.property(fc.constantFrom(...layers), fc.jsonValue({ maxDepth: 6 }), (layer, value) => {
      const issues = checkGeometryShape(layer, value, LIMITS);
      for (const found of issues) {
        expect(found.pointer.startsWith('/geometry')).toBe(true);
        expect(Object.keys(found.message).sort()).toEqual(['ar', 'en', 'fr']);
      }
    }), { numRuns: 2_000 });
  });

  it('never throws on geometry-like values with arbitrary coordinates', () => {
    const anyCoordinates = fc.jsonValue({ maxDepth: 5 });
    const type = fc.constantFrom('Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'point', '');
    fc.assert(fc.property(fc.constantFrom(...layers), type, anyCoordinates, (layer, kind, coordinates) => {
      expect(Array.isArray(checkGeometryShape(layer, { type: kind, coordinates }, LIMITS))).toBe(true);
    }), { numRuns: 2_000 });
  });

  it('accepts a well-formed geometry of the layer\'s types inside the region', () => {
    fc.assert(fc.property(fc.constantFrom(...layers), wellFormed, (layer, geometry) => {
      const issues = checkGeometryShape(layer, geometry, LIMITS);
      if (layer.geometry.types.includes(geometry.type as never)) expect(issues).toEqual([]);
      else expect(issues.map((found) => found.code)).toEqual(['wrong-geometry-type']);
    }), { numRuns: 1_000 });
  });

  it('lets nothing through with a coordinate outside the region or not finite', () => {
    const outside = fc.oneof(
      fc.tuple(fc.double({ noNaN: false }), fc.double({ min: SOUTH, max: NORTH, noNaN: true })).filter(([lon]) => !(lon >= WEST && lon <= EAST)),
      fc.tuple(fc.double({ min: WEST, max: EAST, noNaN: true }), fc.double({ noNaN: false })).filter(([, lat]) => !(lat >= SOUTH && lat <= NORTH)),
    );
    fc.assert(fc.property(fc.constantFrom(...layers.filter((layer) => layer.geometry.types.includes('Point' as never))), outside, (layer, coordinates) => {
      const issues = checkGeometryShape(layer, { type: 'Point', coordinates }, LIMITS);
      expect(issues.length).toBeGreaterThan(0);
    }), { numRuns: 1_000 });
  });

  it('refuses an open ring, whatever its positions', () => {
    const openRing = fc.array(inRegion, { minLength: 4, maxLength: 12 }).filter((positions) => positions[0]![0] !== positions.at(-1)![0] || positions[0]![1] !== positions.at(-1)![1]);
    const polygonLayers = layers.filter((layer) => layer.geometry.types.includes('Polygon' as never));
    fc.assert(fc.property(fc.constantFrom(...polygonLayers), openRing, (layer, coordinates) => {
      expect(checkGeometryShape(layer, { type: 'Polygon', coordinates: [coordinates] }, LIMITS).map((found) => found.code)).toContain('ring-not-closed');
    }), { numRuns: 500 });
  });

  it('to2d drops the third coordinate and keeps the rest', () => {
    fc.assert(fc.property(wellFormed, fc.double({ min: -100, max: 100, noNaN: true }), (geometry, height) => {
      const lifted = JSON.parse(JSON.stringify(geometry), (_key, value) => (Array.isArray(value) && typeof value[0] === 'number' ? [...value, height] : value));
      expect(to2d(lifted)).toEqual(geometry);
      expect(positionsOf((to2d(lifted) as { coordinates: unknown }).coordinates).every((position) => position.length === 2)).toBe(true);
    }), { numRuns: 500 });
  });
});
