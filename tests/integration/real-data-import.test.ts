import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OSM_ROAD_IMPORT } from '../../data/sample/osm-data.ts';
import { importFile } from '../../server/import/import-file.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { COMMUNE_IMPORT, REAL_COMMUNES, REAL_ROADS_GEOJSON, REAL_ROADS_ZIP, SHARED_DATA_DIR } from '../helpers/shared-data.ts';

/**
 * The importer on Casablanca's real files (../shared/data/casablanca, read by path, never copied: the communes'
 * licence is unknown), as a city GIS officer would load them: README, "Load your own data".
 */
const [ROADS_GEOJSON, ROADS_ZIP, COMMUNES] = [REAL_ROADS_GEOJSON, REAL_ROADS_ZIP, REAL_COMMUNES];
const isPresent = [ROADS_GEOJSON, ROADS_ZIP, COMMUNES].every((file) => existsSync(file));
if (!isPresent) console.warn(`skipping the imports of the real Casablanca files: ${SHARED_DATA_DIR} is absent or incomplete`);

const registry = new LayerRegistry();
let database: ScratchDatabase;
let workDir: string;

beforeAll(async () => {
  database = await createScratchDatabase();
  workDir = mkdtempSync(join(tmpdir(), 'casa-sig-real-'));
});
afterAll(async () => {
  await database?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const query = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await database.pool.query<T>(text, values)).rows;
const lastId = async (table: string) => (await query<{ last: string | null }>('SELECT pg_sequence_last_value(pg_get_serial_sequence($1, $2)) AS last', [table, 'id']))[0]!.last;

describe.skipIf(!isPresent)('the communes and arrondissements of Grand Casablanca', () => {
  it('are refused without their parents, with pointer, field and hint and no SQL, then import with parents linked by code and préfectures derived', async () => {
    const { parent: _, deriveParents: __, ...withoutParents } = COMMUNE_IMPORT;
    const idsBefore = await lastId('admin_areas');
    const refused = await importFile(database.pool, registry, 'admin_areas', COMMUNES, withoutParents);
    expect(refused.status).toBe('rejected');
    expect(refused.issues).toHaveLength(33);
    expect(new Set(refused.issues.map((issue) => `${issue.code} ${issue.pointer} ${issue.field}`))).toEqual(new Set(['parent-required /properties/parent_id parent_id']));
    expect(refused.issues[0]!.message.en).toContain('must belong to an area of level Prefecture');
    expect(refused.issues[0]!.hint!.en).toContain('--parent <attribute>=code');
    expect(JSON.stringify(refused.issues)).not.toMatch(/CHECK|admin_areas_check|parent_id IS NULL/);
    expect(await lastId('admin_areas')).toBe(idsBefore);

    const report = await importFile(database.pool, registry, 'admin_areas', COMMUNES, COMMUNE_IMPORT);
    expect(report.issues).toEqual([]);
    expect(report.counts).toMatchObject({ created: 37, updated: 0, deleted: 0, derived: 4 });
    expect(report.notes.map((note) => note.en)).toContain('33 of 34 features selected by --only');
    const prefectures = await query<{ code: string; name_fr: string; name_ar: string | null; children: number; gap_m2: number }>(`
      SELECT p.code, p.name_fr, p.name_ar, count(c.id)::int AS children,
             ST_Area(ST_SymDifference(p.geom, ST_Union(c.geom))::geography) AS gap_m2
        FROM admin_areas p JOIN admin_areas c ON c.parent_id = p.id
       WHERE p.level = 'prefecture' GROUP BY p.id ORDER BY p.code`);
    expect(prefectures.map(({ gap_m2: _gap, ...row }) => row)).toEqual([
      { code: '06.141', name_fr: 'Casablanca', name_ar: null, children: 17 },
      { code: '06.355', name_fr: 'Mediouna', name_ar: null, children: 5 },
      { code: '06.371', name_fr: 'Mohammadia', name_ar: null, children: 6 },
      { code: '06.385', name_fr: 'Nouaceur', name_ar: null, children: 5 },
    ]);
    // Each préfecture is the union of what belongs to it.
    for (const prefecture of prefectures) expect(prefecture.gap_m2).toBeLessThan(1);
    const anfa = await query("SELECT a.level, p.code AS parent FROM admin_areas a JOIN admin_areas p ON p.id = a.parent_id WHERE a.code = '06.141.01.01'");
    expect(anfa).toEqual([{ level: 'arrondissement', parent: '06.141' }]);
    const history = await query<{ author: string; count: number }>("SELECT author, count(*)::int AS count FROM feature_history WHERE layer = 'admin_areas' GROUP BY author");
    expect(history).toEqual([{ author: 'import grand_casablanca_communes.geojson', count: 37 }]);

    const again = await importFile(database.pool, registry, 'admin_areas', COMMUNES, COMMUNE_IMPORT);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 37, deleted: 0 });
  });
});

describe.skipIf(!isPresent)('the OpenStreetMap roads', () => {
  it('import from GeoJSON, re-import with --key osm_id changing nothing, and take a modified copy for exactly what changed', async () => {
    const idsBefore = await lastId('road_segments');
    const dry = await importFile(database.pool, registry, 'road_segments', ROADS_GEOJSON, { ...OSM_ROAD_IMPORT, isDryRun: true });
    expect(dry).toMatchObject({ status: 'dry-run', counts: { created: 14_273 } });
    expect(await lastId('road_segments')).toBe(idsBefore);

    const first = await importFile(database.pool, registry, 'road_segments', ROADS_GEOJSON, OSM_ROAD_IMPORT);
    expect(first.issues).toEqual([]);
    expect(first.counts).toMatchObject({ created: 14_273, updated: 0, deleted: 0 });
    expect(first.values.find((entry) => entry.attribute === 'oneway')?.values.map((value) => [value.source, value.count, value.result])).toEqual([
      ['B', 11_326, false], ['F', 2_853, true], ['T', 94, true],
    ]);
    expect(first.unset.map((entry) => entry.property)).toEqual(['surface', 'condition', 'width_m', 'lanes', 'sidewalks', 'is_lit', 'last_works_on']);
    const [stats] = await query<Record<string, number | boolean>>(`
      SELECT count(*)::int AS count, count(*) FILTER (WHERE is_one_way)::int AS one_way,
             count(*) FILTER (WHERE road_class = 'residential')::int AS residential,
             round(sum(ST_Length(geom::geography)) / 1000)::int AS km,
             count(*) FILTER (WHERE surface IS NOT NULL OR condition IS NOT NULL OR is_lit IS NOT NULL)::int AS made_up,
             count(*) FILTER (WHERE name_fr = 'Boulevard du Golan' AND name_ar = 'شارع الجولان')::int AS golan,
             count(*) FILTER (WHERE name_fr IS NULL AND name_ar = 'طريق مديونة')::int AS arabic_only,
             count(*) FILTER (WHERE name_fr ~ '[\u0600-\u06FF]')::int AS mixed
        FROM road_segments`);
    // SOURCES.md: 14,273 lines, 3,440 km; B 11,326 / F 2,853 / T 94; residential 9,834 + 227 + 151.
    expect(stats).toEqual({ count: 14_273, one_way: 2_947, residential: 10_212, km: 3_440, made_up: 0, golan: 33, arabic_only: 5, mixed: 0 });
    const historyCount = async () => Number((await query<{ count: string }>("SELECT count(*) FROM feature_history WHERE layer = 'road_segments'"))[0]!.count);
    expect(await historyCount()).toBe(14_273);

    const again = await importFile(database.pool, registry, 'road_segments', ROADS_GEOJSON, OSM_ROAD_IMPORT);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 14_273, deleted: 0 });
    expect(await historyCount()).toBe(14_273);

    // A newer extract: one way renamed, one moved, one gone, one new; and a planner surveyed the renamed one.
    const source = JSON.parse(readFileSync(ROADS_GEOJSON, 'utf8')) as { features: { properties: Record<string, unknown>; geometry: { coordinates: number[][] } }[] };
    const [renamed, moved, gone] = source.features.filter((feature) => feature.properties.name).slice(0, 3);
    const renamedId = (await query<{ id: number }>("SELECT feature_id::int AS id FROM feature_source_keys WHERE layer = 'road_segments' AND key_value = $1", [String(renamed!.properties.osm_id)]))[0]!.id;
    await database.pool.query("UPDATE road_segments SET condition = 'poor' WHERE id = $1", [renamedId]);
    renamed!.properties.name = 'Rue du Renouveau شارع التجديد';
    moved!.geometry.coordinates[0] = [moved!.geometry.coordinates[0]![0]! + 0.0001, moved!.geometry.coordinates[0]![1]!];
    const added = { type: 'Feature', properties: { ...gone!.properties, osm_id: 999_999_999, name: 'Rue Nouvelle' }, geometry: gone!.geometry };
    const copy = join(workDir, 'roads-newer.geojson');
    writeFileSync(copy, JSON.stringify({ type: 'FeatureCollection', features: [...source.features.filter((feature) => feature !== gone), added] }));
    const newer = await importFile(database.pool, registry, 'road_segments', copy, { ...OSM_ROAD_IMPORT, isMissingRetired: true });
    expect(newer.counts).toMatchObject({ created: 1, updated: 2, unchanged: 14_270, deleted: 1 });
    const changes = await query<{ operation: string; count: number }>(
      "SELECT operation, count(*)::int AS count FROM feature_history WHERE layer = 'road_segments' AND author = 'import roads-newer.geojson' GROUP BY 1 ORDER BY 1",
    );
    expect(changes).toEqual([{ operation: 'create', count: 1 }, { operation: 'delete', count: 1 }, { operation: 'update', count: 2 }]);
    // The import set what the file gives and left the planner's survey alone.
    expect(await query('SELECT name_fr, name_ar, condition, version FROM road_segments WHERE id = $1', [renamedId])).toEqual([
      { name_fr: 'Rue du Renouveau', name_ar: 'شارع التجديد', condition: 'poor', version: 3 },
    ]);
  });

  it('import from the zipped Shapefile, replacing the layer in one transaction', async () => {
    const report = await importFile(database.pool, registry, 'road_segments', ROADS_ZIP, { ...OSM_ROAD_IMPORT, isReplace: true });
    expect(report).toMatchObject({ status: 'imported', format: 'shapefile', featureCount: 14_273, counts: { created: 14_273 } });
    const [check] = await query<{ count: number; keys: number; golan: number }>(`
      SELECT (SELECT count(*)::int FROM road_segments) AS count,
             (SELECT count(*)::int FROM feature_source_keys k JOIN road_segments r ON r.id = k.feature_id WHERE k.layer = 'road_segments') AS keys,
             (SELECT count(*)::int FROM road_segments WHERE name_ar = 'شارع الجولان') AS golan`);
    // The DBF has no .cpg: its UTF-8 names come through unharmed.
    expect(check).toEqual({ count: 14_273, keys: 14_273, golan: 34 });
  });

  it('refuse Geofabrik oneway and classes the registry does not have, once each, with the values and the way out', async () => {
    const { valueMaps: _, ...unsaid } = OSM_ROAD_IMPORT;
    const report = await importFile(database.pool, registry, 'road_segments', ROADS_ZIP, unsaid);
    expect(report.status).toBe('rejected');
    expect(report.issues.map((issue) => [issue.code, issue.attribute, issue.featureIndex])).toEqual([
      ['unmapped-value', 'fclass', undefined],
      ['ambiguous-value', 'oneway', undefined],
    ]);
    expect(report.issues[0]!.message.en).toContain('unclassified (227)');
    expect(report.issues[1]!.message.en).toBe('Attribute oneway holds B (11326), F (2853), T (94): what B, F, T means for is_one_way (true, false) is not certain');
  });
});
