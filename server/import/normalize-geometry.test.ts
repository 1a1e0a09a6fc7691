import { describe, expect, it } from 'vitest';
import { normalizeGeometry } from './normalize-geometry.ts';

const line = [[-7.62, 33.59], [-7.61, 33.6]];
const ring = [[-7.62, 33.59], [-7.62, 33.6], [-7.61, 33.6], [-7.62, 33.59]];

function codes(value: unknown, allowed: Parameters<typeof normalizeGeometry>[1] = ['LineString']) {
  return normalizeGeometry(value, allowed).issues.map((issue) => [issue.pointer, issue.code]);
}

describe('normalizeGeometry', () => {
  it('passes a geometry of an allowed type through unchanged', () => {
    expect(normalizeGeometry({ type: 'LineString', coordinates: line }, ['LineString'])).toEqual({
      geometry: { type: 'LineString', coordinates: line },
      issues: [],
    });
  });

  it('drops Z and M values and says so', () => {
    const result = normalizeGeometry({ type: 'LineString', coordinates: [[-7.62, 33.59, 12, 0], [-7.61, 33.6, 13]] }, ['LineString']);
    expect(result.geometry).toEqual({ type: 'LineString', coordinates: line });
    expect(result.hasDroppedZ).toBe(true);
  });

  it('takes the single part of a one-part Multi* for a single-type layer', () => {
    expect(normalizeGeometry({ type: 'MultiLineString', coordinates: [line] }, ['LineString'])).toEqual({
      geometry: { type: 'LineString', coordinates: line },
      conversion: { from: 'MultiLineString', to: 'LineString' },
      issues: [],
    });
    expect(normalizeGeometry({ type: 'MultiPolygon', coordinates: [[ring]] }, ['Point', 'Polygon']).geometry).toEqual({ type: 'Polygon', coordinates: [ring] });
  });

  it('wraps a single type for a Multi* layer', () => {
    expect(normalizeGeometry({ type: 'Polygon', coordinates: [ring] }, ['MultiPolygon'])).toMatchObject({
      geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
      conversion: { from: 'Polygon', to: 'MultiPolygon' },
    });
  });

  it('refuses other types, naming the found and accepted ones', () => {
    const [issue] = normalizeGeometry({ type: 'MultiLineString', coordinates: [line, line] }, ['LineString']).issues;
    expect(issue).toMatchObject({ pointer: '/geometry/type', code: 'wrong-geometry-type' });
    expect(issue!.message.en).toBe('MultiLineString geometry with 2 parts: the layer accepts LineString');
    expect(codes({ type: 'Point', coordinates: [-7.6, 33.6] })).toEqual([['/geometry/type', 'wrong-geometry-type']]);
    expect(codes({ type: 'GeometryCollection', geometries: [] })).toEqual([['/geometry/type', 'wrong-geometry-type']]);
    expect(codes({ type: 'toString', coordinates: [] })).toEqual([['/geometry/type', 'wrong-geometry-type']]);
    expect(codes({ coordinates: line })).toEqual([['/geometry/type', 'wrong-geometry-type']]);
  });

  it('reports a missing geometry', () => {
    expect(codes(null)).toEqual([['/geometry', 'missing-geometry']]);
  });

  it.each([
    [{ type: 'LineString', coordinates: [[-7.62, 33.59]] }, '/geometry/coordinates', 'malformed-geometry'],
    [{ type: 'LineString', coordinates: [] }, '/geometry/coordinates', 'malformed-geometry'],
    [{ type: 'LineString', coordinates: [[-7.62, 33.59], [-7.61]] }, '/geometry/coordinates/1', 'malformed-geometry'],
    [{ type: 'LineString', coordinates: [[-7.62, 33.59], ['-7.61', 33.6]] }, '/geometry/coordinates/1', 'malformed-geometry'],
    [{ type: 'LineString', coordinates: [-7.62, 33.59] }, '/geometry/coordinates/0', 'malformed-geometry'],
    [{ type: 'LineString', coordinates: 'LINESTRING(0 0, 1 1)' }, '/geometry/coordinates', 'malformed-geometry'],
    [{ type: 'LineString', coordinates: [[-7.62, 33.59], [Number.NaN, 33.6]] }, '/geometry/coordinates/1', 'non-finite-coordinate'],
    [{ type: 'LineString', coordinates: [[-7.62, 33.59], [294301.4, 334027.8]] }, '/geometry/coordinates/1', 'coordinate-out-of-range'],
    [{ type: 'LineString', coordinates: [[-7.62, 33.59], [33.6, -91]] }, '/geometry/coordinates/1', 'coordinate-out-of-range'],
    [{ type: 'MultiLineString', coordinates: [] }, '/geometry/coordinates', 'malformed-geometry'],
    [{ type: 'MultiLineString', coordinates: [line, [[-7.6, 33.6]]] }, '/geometry/coordinates/1', 'malformed-geometry'],
  ])('%j -> %s %s', (geometry, pointer, code) => {
    expect(codes(geometry, ['LineString', 'MultiLineString'])).toEqual([[pointer, code]]);
  });

  it.each([
    [{ type: 'Polygon', coordinates: [] }, '/geometry/coordinates'],
    [{ type: 'Polygon', coordinates: [ring.slice(0, 3)] }, '/geometry/coordinates/0'],
    [{ type: 'Polygon', coordinates: [[...ring.slice(0, 3), [-7.6, 33.5]]] }, '/geometry/coordinates/0'],
    [{ type: 'MultiPolygon', coordinates: [[ring], [ring, ring.slice(1)]] }, '/geometry/coordinates/1/1'],
  ])('refuses the polygon %j at %s', (geometry, pointer) => {
    expect(codes(geometry, ['Polygon', 'MultiPolygon'])).toEqual([[pointer, 'malformed-geometry']]);
  });

  it('explains projected coordinates', () => {
    const [issue] = normalizeGeometry({ type: 'Point', coordinates: [294301.4, 334027.8] }, ['Point']).issues;
    expect(issue!.message.en).toContain('the file looks projected (metres)');
  });
});
