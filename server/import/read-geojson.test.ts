import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGeojsonCrs, readGeojson, readGeojsonDocument } from './read-geojson.ts';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/import');
const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const line = { type: 'LineString', coordinates: [[-7.62, 33.59], [-7.61, 33.59]] };

describe('readGeojson', () => {
  it('reads a FeatureCollection with hostile names, its attributes in first-seen order', () => {
    const dataset = readGeojson(readFileSync(join(FIXTURES, 'routes "Anfa" d\'été – طرق.geojson')));
    expect(dataset.issues).toEqual([]);
    expect(dataset.format).toBe('geojson');
    expect(dataset.features).toHaveLength(4);
    expect(dataset.attributes).toEqual(['Name_FR', 'name_ar', 'road_class', 'width_m', 'lanes', 'is_lit', 'last_works_on', 'surface', 'condition', 'sidewalks']);
    expect(dataset.features[0]!.properties.Name_FR).toBe('Boulevard d\'Anfa "Test"; DROP TABLE road_segments; --');
    expect(dataset.features.map((feature) => feature.index)).toEqual([0, 1, 2, 3]);
  });

  it('reads a single Feature, with null properties and a byte-order mark', () => {
    const bytes = encode(`\uFEFF${JSON.stringify({ type: 'Feature', properties: null, geometry: line })}`);
    const dataset = readGeojson(bytes);
    expect(dataset.issues).toEqual([]);
    expect(dataset.features).toEqual([{ index: 0, properties: {}, geometry: line }]);
  });

  it('keeps a null geometry for the importer to report', () => {
    const dataset = readGeojsonDocument({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] });
    expect(dataset.features[0]!.geometry).toBeNull();
  });

  it('refuses bytes that are not UTF-8', () => {
    const dataset = readGeojson(Uint8Array.of(0x7b, 0x22, 0xe9, 0x22, 0x7d));
    expect(dataset.issues.map((issue) => issue.code)).toEqual(['invalid-encoding']);
  });

  it('refuses invalid JSON with the parser reason', () => {
    const [issue] = readGeojson(encode('{"type": "FeatureCollection",')).issues;
    expect(issue!.code).toBe('invalid-json');
    expect(issue!.message.en).toMatch(/^Invalid JSON: /);
  });

  it('explains that a bare geometry needs a Feature', () => {
    const [issue] = readGeojsonDocument(line).issues;
    expect(issue).toMatchObject({ code: 'not-geojson', pointer: '' });
    expect(issue!.message.en).toBe('A bare LineString geometry has no properties; wrap it in a Feature');
    expect(readGeojsonDocument([1, 2]).issues[0]!.code).toBe('not-geojson');
    expect(readGeojsonDocument({ type: 'FeatureCollection', features: {} }).issues[0]!.pointer).toBe('/features');
  });

  it('collects malformed members per feature and keeps the good ones', () => {
    const dataset = readGeojsonDocument({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { a: 1 }, geometry: line }, { type: 'Point' }, 'x', { type: 'Feature', properties: [1], geometry: line }],
    });
    expect(dataset.features.map((feature) => feature.index)).toEqual([0]);
    expect(dataset.issues.map((issue) => [issue.featureIndex, issue.pointer, issue.code])).toEqual([
      [1, '', 'not-a-feature'],
      [2, '', 'not-a-feature'],
      [3, '/properties', 'properties-not-object'],
    ]);
  });

  it('refuses a legacy crs that is not WGS 84, naming it, before reading any feature', () => {
    const dataset = readGeojson(readFileSync(join(FIXTURES, 'roads-web-mercator.geojson')));
    expect(dataset.features).toEqual([]);
    expect(dataset.issues).toHaveLength(1);
    expect(dataset.issues[0]).toMatchObject({ code: 'unsupported-crs', pointer: '/crs' });
    expect(dataset.issues[0]!.message.fr).toContain('urn:ogc:def:crs:EPSG::3857');
  });

  it('refuses a crs on a feature too', () => {
    const crs = { type: 'name', properties: { name: 'EPSG:26191' } };
    const dataset = readGeojsonDocument({ type: 'FeatureCollection', features: [{ type: 'Feature', crs, properties: {}, geometry: line }] });
    expect(dataset.issues.map((issue) => [issue.featureIndex, issue.code])).toEqual([[0, 'unsupported-crs']]);
  });
});

describe('checkGeojsonCrs', () => {
  it.each([
    'urn:ogc:def:crs:OGC:1.3:CRS84',
    'urn:ogc:def:crs:OGC::CRS84',
    'urn:ogc:def:crs:EPSG::4326',
    'urn:ogc:def:crs:EPSG:6.6:4326',
    'EPSG:4326',
    'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
    'https://www.opengis.net/def/crs/EPSG/0/4326',
  ])('accepts %s', (name) => {
    expect(checkGeojsonCrs({ type: 'name', properties: { name } }, '/crs')).toBeUndefined();
  });

  it.each([
    [{ type: 'name', properties: { name: 'EPSG:3857' } }],
    [{ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::43260' } }],
    [{ type: 'link', properties: { href: 'http://example.com/crs' } }],
    ['EPSG:4326'],
  ])('refuses %j', (crs) => {
    expect(checkGeojsonCrs(crs, '/crs')?.code).toBe('unsupported-crs');
  });

  it('accepts an absent or null crs (RFC 7946 default)', () => {
    expect(checkGeojsonCrs(undefined, '/crs')).toBeUndefined();
    expect(checkGeojsonCrs(null, '/crs')).toBeUndefined();
  });
});
