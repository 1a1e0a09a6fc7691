import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildShapefileZip, WGS84_PRJ } from '../../tests/fixtures/import/build-shapefile-zip.ts';
import { readSource } from './import-file.ts';

const directory = mkdtempSync(join(tmpdir(), 'casa-sig-read-source-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(directory, name);
  writeFileSync(path, bytes);
  return path;
}

const feature = { type: 'Feature', properties: { road_class: 'primary' }, geometry: { type: 'Point', coordinates: [-7.6, 33.6] } };
const zip = buildShapefileZip([{ name: 'road_segments', kind: 'point', prj: WGS84_PRJ, fields: [{ name: 'A', type: 'C', length: 4 }], records: [{ geometry: [-7.6, 33.6], values: ['x'] }] }]);

describe('readSource', () => {
  it('reads by extension: .geojson, .json, .zip', async () => {
    expect((await readSource(write('a.geojson', JSON.stringify(feature)), 'road_segments')).format).toBe('geojson');
    expect((await readSource(write('a.JSON', JSON.stringify(feature)), 'road_segments')).format).toBe('geojson');
    expect((await readSource(write('a.ZIP', zip), 'road_segments')).format).toBe('shapefile');
  });

  it('recognises content when the extension says nothing', async () => {
    expect((await readSource(write('export.txt', `  ${JSON.stringify(feature)}`), 'road_segments')).features).toHaveLength(1);
    expect((await readSource(write('download', zip), 'road_segments')).features).toHaveLength(1);
  });

  it('explains a lone .shp, an unknown format and an unreadable path', async () => {
    const lone = await readSource(write('roads.shp', Uint8Array.of(0, 0, 39, 10)), 'road_segments');
    expect(lone.issues.map((issue) => issue.code)).toEqual(['unsupported-format']);
    expect(lone.issues[0]!.message.en).toContain('zip it with its .dbf');
    const csv = await readSource(write('roads.csv', 'a,b\n1,2\n'), 'road_segments');
    expect(csv.issues[0]!.message.en).toBe('Unsupported format (.csv): GeoJSON (.geojson) or zipped Shapefile (.zip)');
    const missing = await readSource(join(directory, 'nope "x".geojson'), 'road_segments');
    expect(missing).toMatchObject({ features: [], issues: [{ code: 'unreadable-file' }] });
    expect(missing.format).toBeUndefined();
    expect(missing.issues[0]!.message.en).toContain('(ENOENT)');
  });
});
