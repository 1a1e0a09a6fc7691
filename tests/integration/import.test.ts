import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ident } from '../../server/db/sql.ts';
import { importFile } from '../../server/import/import-file.ts';
import type { ImportOptions } from '../../server/import/import-options.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { buildShapefileZip, MERCHICH_PRJ, type ShapefileSpec, WGS84_PRJ } from '../fixtures/import/build-shapefile-zip.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';

/**
 * The importer against a real PostGIS built by the real migrations, in a database of its own (created
 * here, dropped at the end) so that no other test sees its rows.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const PROJECT_ROOT = join(import.meta.dirname, '../..');

const registry = new LayerRegistry();
let database: ScratchDatabase;
let pool: pg.Pool;
let databaseUrl: string;
let workDir: string;

beforeAll(async () => {
  database = await createScratchDatabase();
  pool = database.pool;
  databaseUrl = database.url;
  // A folder name with quotes, an apostrophe, spaces and Arabic: paths are data, never code.
  workDir = join(mkdtempSync(join(tmpdir(), 'casa-sig-import-')), 'dossier "test" d\'import – استيراد');
  mkdirSync(workDir, { recursive: true });
});

afterAll(async () => {
  await database?.drop();
  if (workDir) rmSync(join(workDir, '..'), { recursive: true, force: true });
});

beforeEach(async () => {
  const tables = ['road_segments', 'permits'].map((id) => registry.find(id)!.table);
  await pool.query(`TRUNCATE ${tables.map((table) => ident(table.schema, table.name)).join(', ')} RESTART IDENTITY`);
  // Ids start again at 1: their history and kept keys go too.
  await pool.query("DELETE FROM feature_history WHERE layer IN ('road_segments', 'permits')");
  await pool.query("DELETE FROM feature_source_keys WHERE layer IN ('road_segments', 'permits')");
});

async function countRows(layerId: string): Promise<number> {
  const layer = registry.find(layerId)!;
  const result = await pool.query<{ count: number }>(`SELECT count(*)::integer AS count FROM ${ident(layer.table.schema, layer.table.name)}`);
  return result.rows[0]!.count;
}

function run(layerId: string, file: string, options: ImportOptions = {}) {
  return importFile(pool, registry, layerId, file, options);
}

function writeZip(name: string, specs: ShapefileSpec[]): string {
  const path = join(workDir, name);
  writeFileSync(path, buildShapefileZip(specs));
  return path;
}

const ROAD_FIELDS: ShapefileSpec['fields'] = [
  { name: 'NAME_FR', type: 'C', length: 80 },
  { name: 'NAME_AR', type: 'C', length: 80 },
  { name: 'CLASSE', type: 'C', length: 20 },
  { name: 'LANES', type: 'N', length: 2 },
  { name: 'WIDTH_M', type: 'N', length: 6, decimals: 1 },
  { name: 'IS_LIT', type: 'L', length: 1 },
  { name: 'WORKS', type: 'D', length: 8 },
];

function roadShapefile(overrides: Partial<ShapefileSpec> = {}): ShapefileSpec {
  return {
    name: 'livraison/voirie "Maârif"',
    kind: 'polyline',
    prj: WGS84_PRJ,
    cpg: 'UTF-8',
    fields: ROAD_FIELDS,
    records: [
      { geometry: [[[-7.6353, 33.5792], [-7.6301, 33.5811], [-7.6262, 33.5823]]], values: ['Boulevard Zerktouni', 'شارع الزرقطوني', 'primary', 6, 32.5, true, '2022-09-30'] },
      { geometry: [[[-7.6377, 33.5769], [-7.6342, 33.5751]]], values: ['Rue Ibnou Mounir', 'زنقة ابن منير', 'residential', null, null, false, null] },
      { geometry: [[[-7.6310, 33.5760], [-7.6300, 33.5770]]], values: [null, null, 'service', 1, 4, null, null] },
    ],
    ...overrides,
  };
}

describe('importFile: GeoJSON', () => {
  it('imports every feature of a valid file in one transaction, with SRID 4326 and values intact', async () => {
    const report = await run('road_segments', join(FIXTURES, 'routes "Anfa" d\'été – طرق.geojson'));
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ status: 'imported', format: 'geojson', featureCount: 4, rowCount: 4 });
    const { rows } = await pool.query(`
      SELECT name_fr, name_ar, road_class, surface, condition, width_m, lanes, is_lit, last_works_on,
             ST_SRID(geom) AS srid, GeometryType(geom) AS type, ST_NDims(geom) AS dims, created_at::text AS transaction
        FROM road_segments ORDER BY id`);
    // What the file does not say stays unknown (null): no made-up surface, condition or lighting.
    expect(rows.map(({ transaction: _, ...row }) => row)).toEqual([
      { name_fr: 'Boulevard d\'Anfa "Test"; DROP TABLE road_segments; --', name_ar: 'شارع أنفا', road_class: 'primary', surface: null, condition: null, width_m: 24.5, lanes: 4, is_lit: true, last_works_on: '2023-06-15', srid: 4326, type: 'LINESTRING', dims: 2 },
      { name_fr: 'Rue Tata', name_ar: null, road_class: 'residential', surface: null, condition: null, width_m: 8.5, lanes: 1, is_lit: true, last_works_on: '2021-03-01', srid: 4326, type: 'LINESTRING', dims: 2 },
      { name_fr: null, name_ar: null, road_class: 'service', surface: 'paving_stones', condition: null, width_m: null, lanes: null, is_lit: false, last_works_on: null, srid: 4326, type: 'LINESTRING', dims: 2 },
      { name_fr: 'Voie piétonne Prince Moulay Abdallah', name_ar: null, road_class: 'pedestrian', surface: null, condition: 'fair', width_m: null, lanes: null, is_lit: null, last_works_on: null, srid: 4326, type: 'LINESTRING', dims: 2 },
    ]);
    expect(report.unset).toEqual([{ property: 'is_one_way', columnDefault: null, isUnknown: true }]);
    // Every import is in the history, by "import <file>" (its tiles: import-tile-changes.test.ts).
    const history = await pool.query("SELECT DISTINCT author, operation FROM feature_history WHERE layer = 'road_segments'");
    expect(history.rows).toEqual([{ author: 'import routes "Anfa" d\'été – طرق.geojson', operation: 'create' }]);
    // Rows written by one transaction share its start time (now()): the import is all or nothing.
    expect(new Set(rows.map((row) => row.transaction)).size).toBe(1);
    expect(report.notes.map((note) => note.en)).toContain('1 single-part MultiLineString geometry imported as LineString');
  });

  it('writes nothing on a dry run', async () => {
    const report = await run('road_segments', join(FIXTURES, 'routes "Anfa" d\'été – طرق.geojson'), { isDryRun: true });
    expect(report).toMatchObject({ status: 'dry-run', rowCount: 4, issues: [] });
    expect(await countRows('road_segments')).toBe(0);
  });

  it('refuses a wrong geometry type, naming feature and types, and writes nothing', async () => {
    const report = await run('road_segments', join(FIXTURES, 'roads-points.geojson'));
    expect(report.status).toBe('rejected');
    expect(report.issues.map((issue) => [issue.featureIndex, issue.pointer, issue.code])).toEqual([
      [1, '/geometry/type', 'wrong-geometry-type'],
      [2, '/geometry/type', 'wrong-geometry-type'],
    ]);
    expect(report.issues[0]!.message.en).toBe('Point geometry: the layer accepts LineString');
    expect(await countRows('road_segments')).toBe(0);
  });

  it('refuses a file declaring another CRS, and projected coordinates without a CRS', async () => {
    const declared = await run('road_segments', join(FIXTURES, 'roads-web-mercator.geojson'));
    expect(declared.issues.map((issue) => issue.code)).toEqual(['unsupported-crs']);
    expect(declared.issues[0]!.message.en).toContain('urn:ogc:def:crs:EPSG::3857');
    const undeclared = await run('road_segments', join(FIXTURES, 'roads-projected-no-crs.geojson'));
    expect(undeclared.issues.map((issue) => [issue.featureIndex, issue.code])).toEqual([[0, 'coordinate-out-of-range']]);
    expect(await countRows('road_segments')).toBe(0);
  });

  it('refuses bad attributes: every wrong value of every feature, and nothing of the good ones is written', async () => {
    const report = await run('road_segments', join(FIXTURES, 'roads-bad-attributes.geojson'));
    expect(report.issues.map((issue) => [issue.featureIndex, issue.pointer, issue.code])).toEqual([
      [undefined, '/properties/road_class', 'unmapped-value'],
      [2, '/properties/lanes', 'wrong-type'],
      [3, '/properties/road_class', 'required-property'],
      [4, '/properties/width_m', 'above-maximum'],
    ]);
    expect(report.issues[0]!.message.en).toContain('holds highway (1), primary (1), secondary (1), tertiary (1): highway matches no value of road_class');
    expect(report.issues[1]!.message.fr).toBe('Voies de circulation (lanes) : nombre entier attendu, reçu « deux »');
    expect(await countRows('road_segments')).toBe(0);
  });

  it('refuses unknown attributes listing them, and imports once they are ignored', async () => {
    const file = join(FIXTURES, 'roads-unknown-attribute.geojson');
    const refused = await run('road_segments', file);
    expect(refused.issues.map((issue) => issue.code)).toEqual(['unknown-attribute']);
    expect(refused.issues[0]!.message.en).toContain('couleur, x"; DROP TABLE road_segments; --');
    expect(await countRows('road_segments')).toBe(0);
    const accepted = await run('road_segments', file, { isUnknownIgnored: true });
    expect(accepted).toMatchObject({ status: 'imported', rowCount: 1 });
    expect(await countRows('road_segments')).toBe(1);
  });

  it('refuses a self-intersecting polygon with PostGIS\'s reason, and writes not even the valid permit', async () => {
    const report = await run('permits', join(FIXTURES, 'permits-self-intersecting.geojson'));
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ featureIndex: 1, pointer: '/geometry', code: 'invalid-geometry' });
    expect(report.issues[0]!.message.en).toMatch(/^invalid geometry according to PostGIS: Self-intersection\[-7\.6205 33\.5905\]$/);
    expect(await countRows('permits')).toBe(0);
  });

  it('reports rules only the database knows (pattern, unique key) per feature, and writes nothing', async () => {
    const permit = (reference: string, index: number) => ({
      type: 'Feature',
      properties: { reference, kind: 'signage', status: 'submitted', submitted_on: '2024-04-02', applicant_name: 'Café Atlas' },
      geometry: { type: 'Point', coordinates: [-7.62 + index / 1000, 33.59] },
    });
    const file = join(workDir, 'permis.geojson');
    const features = [permit('SG-2024-0001', 0), permit('sg 2024 bad', 1), permit('SG-2024-0003', 2), permit('SG-2024-0001', 3)];
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    const report = await run('permits', file);
    expect(report.status).toBe('rejected');
    expect(report.issues.map((issue) => [issue.featureIndex, issue.pointer, issue.code])).toEqual([
      [1, '/properties/reference', 'database-rule'],
      [3, '/properties/reference', 'database-rule'],
    ]);
    expect(report.issues.map((issue) => issue.field)).toEqual(['reference', 'reference']);
    expect(report.issues[0]!.message.en).toBe('reference: refused by a rule of the layer');
    expect(report.issues[1]!.message.en).toBe('reference: this value already belongs to another feature of the layer');
    expect(report.issues[1]!.hint!.en).toContain('--key <attribute> updates the features of an earlier import');
    // Neither SQL nor the failing row (it holds personal data: the applicant) is repeated.
    expect(JSON.stringify(report.issues)).not.toMatch(/Café Atlas|CHECK|Key \(|permits_/);
    expect(await countRows('permits')).toBe(0);
    // Nothing was used up by the refusal: the next permit takes id 1.
    expect((await pool.query('SELECT pg_sequence_last_value(pg_get_serial_sequence($1, $2)) AS last', ['permits', 'id'])).rows[0].last).toBeNull();
  });

  it('refuses an unknown layer listing the layers', async () => {
    const report = await run('roads', join(FIXTURES, 'roads-points.geojson'));
    expect(report.issues.map((issue) => issue.code)).toEqual(['unknown-layer']);
    expect(report.issues[0]!.message.en).toBe(`Unknown layer "roads". Layers: ${registry.ids.join(', ')}`);
  });
});

describe('importFile: zipped Shapefile', () => {
  it('imports a shapefile built here, mapping an attribute and converting DBF types', async () => {
    const file = writeZip('voirie "Maârif".zip', [roadShapefile()]);
    // DBF field names hold 10 characters at most: last_works_on arrives as WORKS and needs a mapping.
    const report = await run('road_segments', file, { attributeMap: { CLASSE: 'road_class', WORKS: 'last_works_on' } });
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ status: 'imported', format: 'shapefile', featureCount: 3, rowCount: 3 });
    const { rows } = await pool.query(`
      SELECT name_fr, name_ar, road_class, lanes, width_m, is_lit, last_works_on, ST_SRID(geom) AS srid,
             ST_AsText(geom) AS wkt
        FROM road_segments ORDER BY id`);
    expect(rows).toEqual([
      { name_fr: 'Boulevard Zerktouni', name_ar: 'شارع الزرقطوني', road_class: 'primary', lanes: 6, width_m: 32.5, is_lit: true, last_works_on: '2022-09-30', srid: 4326, wkt: 'LINESTRING(-7.6353 33.5792,-7.6301 33.5811,-7.6262 33.5823)' },
      { name_fr: 'Rue Ibnou Mounir', name_ar: 'زنقة ابن منير', road_class: 'residential', lanes: null, width_m: null, is_lit: false, last_works_on: null, srid: 4326, wkt: 'LINESTRING(-7.6377 33.5769,-7.6342 33.5751)' },
      { name_fr: null, name_ar: null, road_class: 'service', lanes: 1, width_m: 4, is_lit: null, last_works_on: null, srid: 4326, wkt: 'LINESTRING(-7.631 33.576,-7.63 33.577)' },
    ]);
  });

  it('refuses a shapefile in Merchich / Nord Maroc, naming the CRS', async () => {
    const file = writeZip('merchich.zip', [roadShapefile({ prj: MERCHICH_PRJ })]);
    const report = await run('road_segments', file, { attributeMap: { CLASSE: 'road_class' } });
    expect(report.issues.map((issue) => issue.code)).toEqual(['unsupported-crs']);
    expect(report.issues[0]!.message.en).toContain('Merchich_Nord_Maroc');
    expect(await countRows('road_segments')).toBe(0);
  });

  it('fills a property with --set and refuses a two-part line', async () => {
    const records = roadShapefile().records.map((record) => ({ ...record, values: record.values.map((value, index) => (index === 2 ? null : value)) }));
    const constant = await run('road_segments', writeZip('set.zip', [roadShapefile({ records })]), { attributeMap: { CLASSE: '', WORKS: '' }, constants: { road_class: 'tertiary' } });
    expect(constant).toMatchObject({ status: 'imported', rowCount: 3 });
    const classes = await pool.query('SELECT DISTINCT road_class FROM road_segments');
    expect(classes.rows).toEqual([{ road_class: 'tertiary' }]);

    const twoParts = roadShapefile({ records: [{ geometry: [[[-7.63, 33.58], [-7.62, 33.58]], [[-7.61, 33.58], [-7.60, 33.58]]], values: ['A', null, 'primary', null, null, null, null] }] });
    const refused = await run('road_segments', writeZip('two-parts.zip', [twoParts]), { attributeMap: { CLASSE: 'road_class' }, isUnknownIgnored: true });
    expect(refused.issues.map((issue) => [issue.featureIndex, issue.code])).toEqual([[0, 'wrong-geometry-type']]);
    expect(await countRows('road_segments')).toBe(3);
  });
});

describe('scripts/import.ts', () => {
  function cli(args: string[]) {
    return spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/import.ts', ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: databaseUrl },
      timeout: 60_000,
    });
  }

  it('prints how many rows it imported and exits 0', async () => {
    const result = cli(['road_segments', join(FIXTURES, 'routes "Anfa" d\'été – طرق.geojson'), '--lang', 'en']);
    expect(result.stderr).not.toContain('Error');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Imported into road_segments from');
    expect(result.stdout).toContain(': 4 created, 0 updated, 0 unchanged, 0 deleted');
    expect(await countRows('road_segments')).toBe(4);
  });

  it('prints the issues and exits 1 when it refuses', async () => {
    const result = cli(['road_segments', join(FIXTURES, 'roads-bad-attributes.geojson'), '--lang', 'en', '--max-issues', '2']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Import refused (4 issue(s)): nothing was written to road_segments');
    expect(result.stderr).toContain('file /properties/road_class [unmapped-value]');
    expect(result.stderr).toContain('… and 2 more');
    expect(await countRows('road_segments')).toBe(0);
  });

  it('lists the layers for an unknown one, and the usage for bad arguments', () => {
    const unknown = cli(['voirie', 'x.geojson', '--lang', 'en']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Unknown layer "voirie". Layers: admin_areas, road_segments');
    const usage = cli(['road_segments']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run import -- <layer> <file>');
  });
});
