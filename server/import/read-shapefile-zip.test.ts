import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildShapefileMembers, buildShapefileZip, MERCHICH_PRJ, type ShapefileSpec, WGS84_PRJ } from '../../tests/fixtures/import/build-shapefile-zip.ts';
import { describePrj } from './describe-prj.ts';
import { encodingFromCpg, readShapefileZip } from './read-shapefile-zip.ts';

const FIELDS: ShapefileSpec['fields'] = [
  { name: 'NAME_FR', type: 'C', length: 60 },
  { name: 'NAME_AR', type: 'C', length: 60 },
  { name: 'LANES', type: 'N', length: 3 },
  { name: 'WIDTH_M', type: 'N', length: 6, decimals: 1 },
  { name: 'IS_LIT', type: 'L', length: 1 },
  { name: 'WORKS_ON', type: 'D', length: 8 },
];

function roads(overrides: Partial<ShapefileSpec> = {}): ShapefileSpec {
  return {
    name: 'road_segments',
    kind: 'polyline',
    fields: FIELDS,
    prj: WGS84_PRJ,
    records: [
      { geometry: [[[-7.6321, 33.5893], [-7.6241, 33.593]]], values: ['Boulevard d’Anfa', 'شارع أنفا', 4, 24.5, true, '2023-06-15'] },
      { geometry: [[[-7.62, 33.59], [-7.61, 33.59]], [[-7.6, 33.59], [-7.59, 33.6]]], values: ['Rue "Tata"', null, null, null, false, null] },
      { geometry: null, values: [null, null, 1, 3, null, null] },
    ],
    ...overrides,
  };
}

describe('readShapefileZip', () => {
  it('reads geometries and typed DBF values (UTF-8 text, numbers, logicals, dates as YYYY-MM-DD)', async () => {
    const dataset = await readShapefileZip(buildShapefileZip([roads()]), 'road_segments');
    expect(dataset.issues).toEqual([]);
    expect(dataset.format).toBe('shapefile');
    expect(dataset.attributes).toEqual(['NAME_FR', 'NAME_AR', 'LANES', 'WIDTH_M', 'IS_LIT', 'WORKS_ON']);
    expect(dataset.features.map((feature) => feature.properties)).toEqual([
      { NAME_FR: 'Boulevard d’Anfa', NAME_AR: 'شارع أنفا', LANES: 4, WIDTH_M: 24.5, IS_LIT: true, WORKS_ON: '2023-06-15' },
      { NAME_FR: 'Rue "Tata"', NAME_AR: null, LANES: null, WIDTH_M: null, IS_LIT: false, WORKS_ON: null },
      { NAME_FR: null, NAME_AR: null, LANES: 1, WIDTH_M: 3, IS_LIT: null, WORKS_ON: null },
    ]);
    expect(dataset.features[0]!.geometry).toEqual({ type: 'LineString', coordinates: [[-7.6321, 33.5893], [-7.6241, 33.593]] });
    expect(dataset.features[1]!.geometry).toMatchObject({ type: 'MultiLineString' });
    expect(dataset.features[2]!.geometry).toBeNull();
  });

  it('finds the shapefile in a folder with a hostile name and ignores macOS resource forks', async () => {
    const name = 'export "final"/voirie d\'Anfa – طرق';
    const zip = buildShapefileZip([roads({ name })], { [`__MACOSX/._${name}.shp`]: Uint8Array.of(0, 5, 22) });
    const dataset = await readShapefileZip(zip, 'road_segments');
    expect(dataset.issues).toEqual([]);
    expect(dataset.features).toHaveLength(3);
  });

  it('decodes the DBF with the .cpg code page, and refuses legacy text without one', async () => {
    const latin = roads({ textEncoding: 'latin-1', records: [{ geometry: [[[-7.62, 33.59], [-7.61, 33.59]]], values: ['Allée des Mûriers', null, 1, 5, true, null] }] });
    const withCpg = await readShapefileZip(buildShapefileZip([{ ...latin, cpg: '1252' }]), 'road_segments');
    expect(withCpg.issues).toEqual([]);
    expect(withCpg.features[0]!.properties.NAME_FR).toBe('Allée des Mûriers');
    const withoutCpg = await readShapefileZip(buildShapefileZip([latin]), 'road_segments');
    expect(withoutCpg.issues.map((issue) => [issue.featureIndex, issue.pointer, issue.code])).toEqual([[0, '/properties/NAME_FR', 'invalid-encoding']]);
    expect(withoutCpg.issues[0]!.message.en).toContain('.cpg');
  });

  it('refuses a projected .prj, naming the CRS found', async () => {
    const dataset = await readShapefileZip(buildShapefileZip([roads({ prj: MERCHICH_PRJ })]), 'road_segments');
    expect(dataset.features).toEqual([]);
    expect(dataset.issues).toHaveLength(1);
    expect(dataset.issues[0]).toMatchObject({ code: 'unsupported-crs', pointer: '.prj' });
    expect(dataset.issues[0]!.message.en).toContain('Merchich_Nord_Maroc');
  });

  it('refuses a member whose header claims more bytes than its compressed data can hold, before inflating it', async () => {
    const zip = buildShapefileZip([roads()]);
    // Claim 300 MB for the .dbf in the central directory (signature PK\x01\x02, uncompressed size at +24).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const names = new TextDecoder();
    for (let offset = 0; offset + 46 <= zip.length; offset += 1) {
      if (view.getUint32(offset, true) !== 0x02014b50) continue;
      const name = names.decode(zip.subarray(offset + 46, offset + 46 + view.getUint16(offset + 28, true)));
      if (name.endsWith('.dbf')) view.setUint32(offset + 24, 300 * 1024 * 1024, true);
    }
    const dataset = await readShapefileZip(zip, 'road_segments');
    expect(dataset.features).toEqual([]);
    expect(dataset.issues.map((issue) => issue.code)).toEqual(['invalid-zip']);
    expect(dataset.issues[0]!.message.en).toContain('cannot come from');
  });

  it('notes a missing .prj (coordinates are range-checked later)', async () => {
    const dataset = await readShapefileZip(buildShapefileZip([roads({ prj: undefined })]), 'road_segments');
    expect(dataset.issues).toEqual([]);
    expect(dataset.notes.map((note) => note.en)).toEqual(['No .prj file: coordinates assumed to be WGS 84 longitude/latitude (their range is checked)']);
  });

  it('picks the shapefile named after the layer when there are several, else refuses listing them', async () => {
    const permitsSpec: ShapefileSpec = { name: 'data/permits', kind: 'point', fields: [{ name: 'REFERENCE', type: 'C', length: 20 }], prj: WGS84_PRJ, records: [{ geometry: [-7.6, 33.59], values: ['PC-1'] }] };
    const zip = buildShapefileZip([roads({ name: 'data/Road_Segments' }), permitsSpec]);
    expect((await readShapefileZip(zip, 'road_segments')).features).toHaveLength(3);
    expect((await readShapefileZip(zip, 'permits')).features[0]!.geometry).toEqual({ type: 'Point', coordinates: [-7.6, 33.59] });
    const [issue] = (await readShapefileZip(zip, 'transit_stops')).issues;
    expect(issue!.code).toBe('several-shapefiles');
    expect(issue!.message.en).toContain('data/Road_Segments.shp, data/permits.shp');
    expect(issue!.message.en).toContain('transit_stops.shp');
  });

  it('refuses archives without a .shp or a .dbf, and bytes that are not a ZIP', async () => {
    const members = buildShapefileMembers(roads());
    const noShp = zipSync({ 'road_segments.dbf': members['road_segments.dbf']!, 'readme.txt': new TextEncoder().encode('hi') });
    expect((await readShapefileZip(noShp, 'road_segments')).issues[0]!.code).toBe('no-shapefile');
    const noDbf = zipSync({ 'road_segments.shp': members['road_segments.shp']!, 'road_segments.prj': members['road_segments.prj']! });
    expect((await readShapefileZip(noDbf, 'road_segments')).issues[0]!.code).toBe('missing-dbf');
    expect((await readShapefileZip(new TextEncoder().encode('not a zip'), 'road_segments')).issues[0]!.code).toBe('invalid-zip');
  });

  it('refuses an unknown .cpg code page', async () => {
    const dataset = await readShapefileZip(buildShapefileZip([roads({ cpg: 'KLINGON-1' })]), 'road_segments');
    expect(dataset.issues[0]).toMatchObject({ code: 'invalid-encoding' });
  });
});

describe('encodingFromCpg', () => {
  it.each([
    ['', 'utf-8'],
    ['UTF-8\r\n', 'utf-8'],
    ['utf8', 'utf-8'],
    ['65001', 'utf-8'],
    ['1252', 'windows-1252'],
    ['ANSI 1256', 'windows-1256'],
    ['CP1256', 'windows-1256'],
    ['866', 'ibm866'],
    ['8859-6', 'iso-8859-6'],
    ['ISO-8859-1', 'iso-8859-1'],
    ['ISO88591', 'iso-8859-1'],
  ])('%j -> %s', (cpg, label) => expect(encodingFromCpg(cpg)).toBe(label));
});

describe('describePrj', () => {
  it.each([
    [WGS84_PRJ, true, 'GCS_WGS_1984'],
    ['GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]', true, 'WGS 84 (EPSG:4326)'],
    ['GEOGCRS["WGS 84",ENSEMBLE["World Geodetic System 1984 ensemble",MEMBER["World Geodetic System 1984 (G2139)"]],CS[ellipsoidal,2],ID["EPSG",4326]]', true, 'WGS 84 (EPSG:4326)'],
    [MERCHICH_PRJ, false, 'Merchich_Nord_Maroc'],
    ['PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]]],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","3857"]]', false, 'WGS 84 / Pseudo-Mercator (EPSG:3857)'],
    ['GEOGCS["GCS_Merchich",DATUM["D_Merchich",SPHEROID["Clarke_1880_IGN",6378249.2,293.46602]],PRIMEM["Greenwich",0],UNIT["Degree",0.0174532925199433]]', false, 'GCS_Merchich'],
    ['GEOGCS["NTF (Paris)",DATUM["Nouvelle_Triangulation_Francaise_Paris",SPHEROID["Clarke 1880 (IGN)",6378249.2,293.4660212936269]],UNIT["grad",0.01570796326794897],AUTHORITY["EPSG","4807"]]', false, 'NTF (Paris) (EPSG:4807)'],
    ['garbage', false, 'garbage'],
  ])('%s', (wkt, isWgs84Geographic, name) => {
    expect(describePrj(wkt)).toEqual({ isWgs84Geographic, name });
  });
});
