import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleGtfsFiles, zipGtfsFiles } from '../../data/sample/gtfs-feed.ts';
import { PROJECT_ROOT } from '../../server/config.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { formatGtfsIssue } from '../../server/mobility/gtfs-issues.ts';
import { type GtfsImportReport, importGtfs } from '../../server/mobility/import-gtfs.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { SHARED_DATA_DIR } from '../helpers/shared-data.ts';

const ONCF_FEED = join(SHARED_DATA_DIR, 'morocco_oncf_rail_gtfs.zip');
const registry = new LayerRegistry();
let database: ScratchDatabase;
let folder: string;

beforeAll(async () => {
  database = await createScratchDatabase();
  folder = mkdtempSync(join(tmpdir(), 'casa-sig-gtfs-'));
});
afterAll(async () => {
  await database?.drop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Writes the sample feed, changed by `edit` (file name -> text), to a zip of its own. */
function writeFeed(name: string, edit: (files: Record<string, string>) => void = () => undefined): string {
  const files = buildSampleGtfsFiles();
  edit(files);
  const path = join(folder, `${name}.zip`);
  writeFileSync(path, zipGtfsFiles(files));
  return path;
}

/** Replaces the first occurrence of `from` in a file, failing loudly if it is not there. */
function replaceIn(files: Record<string, string>, file: string, from: string, to: string): void {
  if (!files[file]!.includes(from)) throw new Error(`${file} holds no ${from}`);
  files[file] = files[file]!.replace(from, to);
}

const lineOf = (files: Record<string, string>, file: string, text: string) => files[file]!.split('\r\n').findIndex((line) => line.includes(text)) + 1;

async function state() {
  const { rows } = await database.pool.query(`SELECT (SELECT sha256 FROM gtfs.feed) AS feed, (SELECT count(*)::int FROM gtfs.stop_times) AS stop_times,
    (SELECT count(*)::int FROM transit_stops) AS stops, (SELECT count(*)::int FROM transit_routes) AS routes,
    (SELECT max(version) FROM transit_stops) AS max_version, (SELECT count(*)::int FROM feature_history) AS history`);
  return rows[0] as { feed: string; stop_times: number; stops: number; routes: number; max_version: number; history: number };
}

const issueCodes = (report: GtfsImportReport) => report.issues.map((issue) => ({ file: issue.file, line: issue.line, field: issue.field, code: issue.code }));

describe('importGtfs: the sample feed', () => {
  it('imports it whole and draws its lines and stops, keyed by the feed\'s ids, with history', async () => {
    const report = await importGtfs(database.pool, registry, writeFeed('sample'), { isApproximate: true });
    expect(report.status).toBe('imported');
    expect(report.rowCounts).toMatchObject({ stops: 168, routes: 13, trips: 52, frequencies: 148 });
    expect(report.layers).toEqual({ transit_stops: { created: 168, updated: 0, deleted: 0 }, transit_routes: { created: 13, updated: 0, deleted: 0 } });
    const { rows } = await database.pool.query(`SELECT code, gtfs_stop_id, mode, name_ar, line_codes FROM transit_stops WHERE gtfs_stop_id IN ('T2-17', 'BW1-05') ORDER BY code`);
    expect(rows).toEqual([
      { code: 'BW1-05', gtfs_stop_id: 'BW1-05', mode: 'brt', name_ar: 'امغالة', line_codes: ['BW1'] },
      { code: 'T2-17', gtfs_stop_id: 'T2-17', mode: 'tram', name_ar: 'عين البرجة', line_codes: ['T2', 'T3', 'T4'] },
    ]);
    const history = await database.pool.query(`SELECT layer, operation, author, count(*)::int AS n FROM feature_history GROUP BY 1, 2, 3 ORDER BY 1`);
    expect(history.rows).toEqual([
      { layer: 'transit_routes', operation: 'create', author: 'import:gtfs', n: 13 },
      { layer: 'transit_stops', operation: 'create', author: 'import:gtfs', n: 168 },
    ]);
  });

  it('keeps every feature, id and version when the same feed comes again', async () => {
    const ids = await database.pool.query('SELECT id, gtfs_stop_id, version FROM transit_stops ORDER BY id');
    const report = await importGtfs(database.pool, registry, writeFeed('again'), { isApproximate: true });
    expect(report.layers).toEqual({ transit_stops: { created: 0, updated: 0, deleted: 0 }, transit_routes: { created: 0, updated: 0, deleted: 0 } });
    expect((await database.pool.query('SELECT id, gtfs_stop_id, version FROM transit_stops ORDER BY id')).rows).toEqual(ids.rows);
  });

  it('updates a renamed stop in place (same id, next version, history), and removes a line the feed dropped', async () => {
    const [before] = (await database.pool.query(`SELECT id, version FROM transit_stops WHERE gtfs_stop_id = 'BW1-05'`)).rows;
    const report = await importGtfs(database.pool, registry, writeFeed('renamed', (files) => {
      replaceIn(files, 'translations.txt', 'stops,stop_name,ar,امغالة,BW1-05', 'stops,stop_name,ar,محطة امغالة,BW1-05');
      files['routes.txt'] = files['routes.txt']!.split('\r\n').filter((line) => !line.startsWith('97,')).join('\r\n');
      files['trips.txt'] = files['trips.txt']!.split('\r\n').filter((line) => !line.startsWith('97,')).join('\r\n');
      files['stop_times.txt'] = files['stop_times.txt']!.split('\r\n').filter((line) => !line.startsWith('97-')).join('\r\n');
      files['frequencies.txt'] = files['frequencies.txt']!.split('\r\n').filter((line) => !line.startsWith('97-')).join('\r\n');
      files['translations.txt'] = files['translations.txt']!.split('\r\n').filter((line) => !line.startsWith('routes,route_long_name,fr,Maârif') && !line.endsWith(',97')).join('\r\n');
    }), { isApproximate: true });
    expect(report.status).toBe('imported');
    expect(report.layers.transit_routes).toEqual({ created: 0, updated: 0, deleted: 1 });
    const [after] = (await database.pool.query(`SELECT id, version, name_ar FROM transit_stops WHERE gtfs_stop_id = 'BW1-05'`)).rows;
    expect(after).toMatchObject({ id: before.id, name_ar: 'محطة امغالة' });
    expect(after.version).toBeGreaterThan(before.version);
    const history = await database.pool.query(`SELECT operation, (after->'properties'->>'name_ar') AS name_ar FROM feature_history
      WHERE layer = 'transit_stops' AND feature_id = $1 ORDER BY seq DESC LIMIT 1`, [before.id]);
    expect(history.rows[0]).toEqual({ operation: 'update', name_ar: 'محطة امغالة' });
    // Put the sample back for the tests below.
    expect((await importGtfs(database.pool, registry, writeFeed('sample-again'), { isApproximate: true })).status).toBe('imported');
  });
});

describe('importGtfs: broken feeds are refused whole, and the feed in place stays', () => {
  const files = buildSampleGtfsFiles();
  const cases: [string, (files: Record<string, string>) => void, ReturnType<typeof issueCodes>[number]][] = [
    ['a required file missing', (f) => delete f['stops.txt'], { file: 'stops.txt', line: undefined, field: undefined, code: 'missing-file' }],
    ['a required column missing', (f) => replaceIn(f, 'routes.txt', 'route_type,', 'kind,'), { file: 'routes.txt', line: 1, field: 'route_type', code: 'missing-field' }],
    ['a trip on an unknown route', (f) => replaceIn(f, 'trips.txt', 'T3,WEEKDAY,T3-0-WEEKDAY', 'T9,WEEKDAY,T3-0-WEEKDAY'),
      { file: 'trips.txt', line: lineOf(files, 'trips.txt', 'T3-0-WEEKDAY'), field: 'route_id', code: 'unknown-reference' }],
    ['a stop time at an unknown stop', (f) => replaceIn(f, 'stop_times.txt', ',T4-03,', ',T4-99,'),
      { file: 'stop_times.txt', line: lineOf(files, 'stop_times.txt', ',T4-03,'), field: 'stop_id', code: 'unknown-reference' }],
    ['a malformed time', (f) => replaceIn(f, 'stop_times.txt', 'T1-0-WEEKDAY,05:31:40', 'T1-0-WEEKDAY,05:61:40'),
      { file: 'stop_times.txt', line: lineOf(files, 'stop_times.txt', 'T1-0-WEEKDAY,05:31:40'), field: 'arrival_time', code: 'bad-time' }],
    ['times going backwards', (f) => replaceIn(f, 'stop_times.txt', 'T1-0-WEEKDAY,05:31:40,05:32:00', 'T1-0-WEEKDAY,05:31:40,05:29:00'),
      { file: 'stop_times.txt', line: lineOf(files, 'stop_times.txt', 'T1-0-WEEKDAY,05:31:40'), field: 'departure_time', code: 'time-order' }],
    ['a latitude out of range', (f) => replaceIn(f, 'stops.txt', 'BUS-001,BUS-001,Place Mohammed V,33.', 'BUS-001,BUS-001,Place Mohammed V,133.'),
      { file: 'stops.txt', line: lineOf(files, 'stops.txt', 'BUS-001,'), field: 'stop_lat', code: 'bad-coordinate' }],
    ['a stop at 0,0', (f) => replaceIn(f, 'stops.txt', /BUS-002,BUS-002,[^,]+,[^,]+,[^,]+,/.exec(f['stops.txt']!)![0], 'BUS-002,BUS-002,Nowhere,0,0,'),
      { file: 'stops.txt', line: lineOf(files, 'stops.txt', 'BUS-002,'), field: 'stop_lat', code: 'bad-coordinate' }],
    ['a malformed CSV', (f) => replaceIn(f, 'agency.txt', 'Casa Tram', '"Casa Tram'), { file: 'agency.txt', line: 2, field: undefined, code: 'csv-syntax' }],
  ];

  it.each(cases)('%s', async (_name, edit, expected) => {
    const before = await state();
    const report = await importGtfs(database.pool, registry, writeFeed('broken', edit));
    expect(report.status).toBe('rejected');
    expect(issueCodes(report)).toContainEqual(expected);
    const issue = report.issues.find((each) => each.code === expected.code)!;
    // The report names file, line and field in the three languages.
    expect(formatGtfsIssue(issue, 'en')).toMatch(new RegExp(`^${expected.file}${expected.line ? `:${expected.line}` : ''}`));
    expect(formatGtfsIssue(issue, 'ar')).toMatch(/[\u0600-\u06ff]/);
    expect(await state()).toEqual(before);
  });

  it('refuses a file that is not a zip', async () => {
    const path = join(folder, 'not-a-feed.zip');
    writeFileSync(path, 'stop_id,stop_name\n');
    const report = await importGtfs(database.pool, registry, path);
    expect(issueCodes(report)).toEqual([{ file: '', line: undefined, field: undefined, code: 'not-a-zip' }]);
  });
});

describe('npm run import:gtfs', () => {
  it('prints the report and exits 1 on a broken feed, 0 on a good one', () => {
    const cli = (path: string) => spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/import-gtfs.ts', path, '--lang', 'en', '--approximate'], {
      cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: database.url }, timeout: 120_000,
    });
    const broken = cli(writeFeed('cli-broken', (f) => replaceIn(f, 'trips.txt', 'T3,WEEKDAY,T3-0-WEEKDAY', 'T9,WEEKDAY,T3-0-WEEKDAY')));
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('Import refused (1 issue(s)): nothing was written, the previous feed stays in place');
    expect(broken.stderr).toMatch(/trips\.txt:\d+ route_id \[unknown-reference\] "T9" matches no record of routes\.txt/);
    const good = cli(writeFeed('cli-good'));
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('Imported the GTFS feed');
    expect(good.stdout).toContain('transit_stops: +0 ~0 -0');
  });
});

describe('importGtfs: the ONCF national rail feed (real data)', () => {
  const isPresent = existsSync(ONCF_FEED);
  if (!isPresent) console.warn(`skipping the ONCF GTFS import test: ${ONCF_FEED} is absent`);

  it.skipIf(!isPresent)('imports it in place of the sample, drawing its rail lines and stations', async () => {
    const report = await importGtfs(database.pool, registry, ONCF_FEED);
    expect(report.status, report.issues.map((issue) => formatGtfsIssue(issue, 'en')).join('\n')).toBe('imported');
    expect(report.rowCounts).toMatchObject({ stops: 33, routes: 9, trips: 60, stop_times: 240 });
    const { rows } = await database.pool.query(`SELECT mode, count(*)::int AS n FROM transit_routes GROUP BY mode`);
    expect(rows).toEqual([{ mode: 'rail', n: 5 }]);
    const station = await database.pool.query(`SELECT name_fr, line_codes FROM transit_stops WHERE gtfs_stop_id = 'CASA_VOYAGEURS'`);
    expect(station.rows[0]).toEqual({ name_fr: 'Casa-Voyageurs', line_codes: ['Al Atlas', 'Al Boraq'] });
  });
});
