import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/auth/api-keys.ts';
import { PUBLIC_PRINCIPAL } from '../../server/auth/principal.ts';
import { loadSampleDataOnce } from '../../server/seed-sample-data.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { CODE_SIMILARITY_THRESHOLD, WORD_SIMILARITY_THRESHOLD } from '../../server/search/run-search.ts';
import { resolveSearchScope } from '../../server/search/search-layers.ts';
import { buildSearchQuery, POSITION_BONUS, POSITION_HALF_SCORE_M } from '../../server/search/search-query.ts';
import { distanceMeters as distanceBetween } from '../../data/sample/geometry.ts';
import type { SearchResult } from '../../server/search/search-results.ts';
import { createTestPool } from '../helpers/database.ts';
import { createMatrixCallers, type MatrixCallers } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/** GET /api/search: known answers on the sample data (read only), policy and upkeep on scratch databases. */
const ANFA = '06.141.01.01';

async function search(server: TestServer, query: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/search?${new URLSearchParams(query)}`, { headers });
  const body = await response.json();
  return { status: response.status, type: response.headers.get('content-type'), body, results: (body.results ?? []) as SearchResult[] };
}

describe('on the sample data', () => {
  let pool: pg.Pool;
  let server: TestServer;
  const first = async (q: string, extra: Record<string, string> = {}) => (await search(server, { q, ...extra })).results[0];

  beforeAll(async () => {
    pool = createTestPool('sample');
    server = await startTestServer(pool);
  });
  afterAll(async () => {
    await server?.close();
    await pool?.end();
  });

  it('folds French and Arabic names and their variants to the same key, in SQL', async () => {
    const same = [
      ['Boulevard Zerktouni', 'bd zerktoni', 'BD. ZERKTOUNI', 'boulevard zerktouni'],
      ['Aïn Sebaâ', 'ain sebaa', 'Ain-Sebaa', 'AYN SEBAA'],
      ['شارع الزرقطوني', 'شارع الزرقطوني', 'شارع زرقطوني', 'شـارع الزرقطونى'],
      ['مَدْرَسَة', 'مدرسة', 'مدرسه', 'مدرسة'],
      ['Rue Abdelkrim Diouri', 'rue abd el krim diouri', 'Rue Abd-el-Krim Diouri', 'rue abdelkrim dyouri'],
      ['Boulevard Mohammed V', 'Bd Med 5', 'boulevard mohamed v', 'bd mohammed 5'],
      ['Sidi Bernoussi', 'si bernoussi', 'Sidi Bernousi', 'sidi bernoussi'],
      ['Rue de Fès', "rue d'fes", 'Rue du Fes', 'RUE DE FES'],
    ];
    const groupKeys: string[] = [];
    for (const variants of [...same, ['Rue 11'], ['Rue 1']]) {
      const keys = (await pool.query<{ key: string }>('SELECT search_normalize(v) AS key FROM unnest($1::text[]) AS v', [variants])).rows;
      expect(new Set(keys.map((row) => row.key)), variants.join(' | ')).toHaveLength(1);
      groupKeys.push(keys[0]!.key);
    }
    expect(groupKeys.slice(0, 3)).toEqual(['bd zerktuni', 'ain seba', 'شارع زرقطوني']);
    expect(new Set(groupKeys).size).toBe(groupKeys.length);
  });

  it('finds the Boulevard du Golan by its French, Arabic, misspelt and abbreviated names, as one street', async () => {
    // OpenStreetMap names it "Boulevard du Golan شارع الجولان": the import split it into the two names.
    const segments = (await pool.query<{ id: number }>("SELECT id FROM road_segments WHERE name_fr = 'Boulevard du Golan' ORDER BY id")).rows.map((row) => row.id);
    expect(segments.length).toBeGreaterThan(20);
    for (const q of ['golan', 'Golan', 'الجولان', 'شارع الجولان', 'gollan', 'Bd du Golan', 'GOLAN']) {
      const result = await first(q);
      expect(result, q).toMatchObject({ layer: 'road_segments', kind: 'street', id: segments[0], name: { fr: 'Boulevard du Golan', ar: 'شارع الجولان' } });
      expect(result!.segment_ids).toEqual(segments);
    }
    const { results } = await search(server, { q: 'golan' });
    expect(results[0]!.bbox![0]).toBeLessThan(results[0]!.bbox![2]);
  });

  it('puts the 8 km Boulevard Mohamed Zerktouni before the short ways tagged "Boulevard Zerktouni"', async () => {
    for (const q of ['zerktouni', 'Bd Zerktouni', 'boulevard zerktouni']) {
      const { results } = await search(server, { q });
      expect(results[0], q).toMatchObject({ kind: 'street', name: { fr: 'Boulevard Mohamed Zerktouni' } });
      expect(results[0]!.length_m).toBeGreaterThan(7_000);
      expect(results.slice(1).some((result) => result.name.fr === 'Boulevard Zerktouni'), q).toBe(true);
    }
  });

  it('finds Aïn Sebaâ with or without accents, hyphens or Arabic, the arrondissement before the stop', async () => {
    const area = (await pool.query("SELECT id FROM admin_areas WHERE name_fr = 'Aïn Sebaâ' AND level = 'arrondissement'")).rows[0];
    for (const q of ['ain sebaa', 'Aïn Sebaâ', 'Ain-Sebaa', 'AIN SEBAA', 'عين السبع', 'Ayn Sebaa']) {
      const { results } = await search(server, { q });
      expect(results[0], q).toMatchObject({ layer: 'admin_areas', kind: 'admin_area', id: area.id, subtype: { value: 'arrondissement' } });
      expect(results.some((result) => result.kind === 'transit_stop' && result.name.fr === 'Aïn Sebaâ'), q).toBe(true);
    }
  });

  it('keeps a name given in two neighbourhoods as two streets, each in its own arrondissement', async () => {
    const { results } = await search(server, { q: 'Rue 9', limit: '50' });
    const streets = results.filter((result) => result.name.fr === 'Rue 9');
    expect(streets.length).toBeGreaterThan(1);
    expect(new Set(streets.map((street) => street.area?.code)).size).toBeGreaterThan(1);
    const segments = streets.flatMap((street) => street.segment_ids!);
    expect(new Set(segments).size).toBe(segments.length);
    const total = await pool.query("SELECT count(*)::int AS n FROM road_segments WHERE name_fr = 'Rue 9'");
    expect(segments).toHaveLength(total.rows[0].n);
  });

  it('finds stops and lines by name and code', async () => {
    const stop = (await pool.query('SELECT id, code, name_fr, name_ar FROM transit_stops ORDER BY id LIMIT 1')).rows[0];
    for (const q of [stop.code, stop.name_fr, stop.name_ar]) {
      const { results } = await search(server, { q, layers: 'transit_stops', limit: '50' });
      expect(results.map((result) => result.id), q).toContain(stop.id);
    }
    const line = (await pool.query("SELECT id, line_code FROM transit_routes WHERE mode = 'tram' ORDER BY line_code LIMIT 1")).rows[0];
    expect(await first(line.line_code, { layers: 'transit_routes' })).toMatchObject({ kind: 'transit_route', id: line.id, code: line.line_code });
  });

  it('finds permit references whole, in part and with a typo, never by the applicant', async () => {
    const permit = (await pool.query('SELECT id, reference, applicant_name FROM permits ORDER BY id DESC LIMIT 1')).rows[0];
    expect(await first(permit.reference)).toMatchObject({ layer: 'permits', kind: 'permit', id: permit.id, name: { fr: permit.reference } });
    expect(await first(permit.reference.toLowerCase().replaceAll('-', ' '))).toMatchObject({ id: permit.id });
    const tail = permit.reference.slice(3);
    expect((await search(server, { q: tail, layers: 'permits', limit: '50' })).results.map((result) => result.id)).toContain(permit.id);
    const typo = `${permit.reference.slice(0, -2)}${permit.reference.at(-1)}${permit.reference.at(-2)}`;
    expect((await search(server, { q: typo, layers: 'permits', limit: '50' })).results.map((result) => result.id)).toContain(permit.id);
    // Nobody finds a permit by its applicant: the name is never indexed (admins read it on the permit).
    expect(await search(server, { q: permit.applicant_name, layers: 'permits', limit: '50' })).toMatchObject({ status: 200, results: [] });
    for (const result of (await search(server, { q: permit.reference })).results) expect(JSON.stringify(result)).not.toContain(permit.applicant_name);
  });

  it('biases toward a position: the nearest of equal matches comes first, with its distance', async () => {
    const streets = (await search(server, { q: 'Rue 9', limit: '50' })).results.filter((result) => result.name.fr === 'Rue 9');
    const [a, b] = [streets[0]!, streets.at(-1)!];
    const nearA = (await search(server, { q: 'Rue 9', lon: String(a.lon), lat: String(a.lat) })).results;
    const nearB = (await search(server, { q: 'Rue 9', lon: String(b.lon), lat: String(b.lat) })).results;
    expect(nearA[0]!.id).toBe(a.id);
    expect(nearB[0]!.id).toBe(b.id);
    expect(nearA[0]!.distance_m).toBeLessThan(1);
    expect(nearA[0]!.score - a.score).toBeCloseTo(POSITION_BONUS, 2);
    // Every other street gets the bonus of its distance (it halves every POSITION_HALF_SCORE_M), on top of
    // its own score (text and importance: a long street may stay ahead of a nearer lane).
    const base = new Map(streets.map((street) => [street.id, street.score]));
    for (const result of nearA.filter((candidate) => base.has(candidate.id))) {
      const metres = distanceBetween([a.lon, a.lat], [result.lon, result.lat]);
      expect(result.score - base.get(result.id)!, String(result.id)).toBeCloseTo(POSITION_BONUS / (1 + metres / POSITION_HALF_SCORE_M), 2);
    }
  });

  it('restricts kinds with layers= and answers malformed parameters with problem+json', async () => {
    const stops = await search(server, { q: 'sebaa', layers: 'transit_stops,admin_areas' });
    expect(new Set(stops.results.map((result) => result.layer))).toEqual(new Set(['transit_stops', 'admin_areas']));
    const cases: [Record<string, string>, number, string][] = [
      [{}, 400, '/q'], [{ q: '   ' }, 400, '/q'], [{ q: 'x'.repeat(101) }, 400, '/q'], [{ q: 'a\u0000b' }, 400, '/q'], [{ q: 'anfa', limit: '0' }, 400, '/limit'],
      [{ q: 'anfa', limit: '51' }, 400, '/limit'], [{ q: 'anfa', lon: '-7.6' }, 400, '/lat'], [{ q: 'anfa', lat: '33.5' }, 400, '/lon'],
      [{ q: 'anfa', lon: 'abc', lat: '33.5' }, 400, '/lon'], [{ q: 'anfa', lon: '', lat: '33.5' }, 400, '/lon'],
      [{ q: 'anfa', colour: 'red' }, 400, ''], [{ q: 'anfa', lon: '2.35', lat: '48.85' }, 422, '/lon'],
    ];
    for (const [query, status, pointer] of cases) {
      const response = await search(server, query);
      expect(response.status, JSON.stringify(query)).toBe(status);
      expect(response.type).toMatch(/^application\/problem\+json/);
      if (pointer) expect(response.body.issues.map((issue: { pointer: string }) => issue.pointer)).toContain(pointer);
    }
    for (const layers of ['rivers', 'inspections', 'transit_stops,nope']) {
      const response = await search(server, { q: 'anfa', layers });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ type: 'unknown-layer', allowed: expect.arrayContaining(['road_segments', 'permits']) });
    }
  });
});

describe('policy and upkeep (scratch database with the sample data)', () => {
  let database: ScratchDatabase;
  let server: TestServer;
  let callers: MatrixCallers;
  let stopsKey: Record<string, string>;

  beforeAll(async () => {
    database = await createScratchDatabase();
    await loadSampleDataOnce(database.pool);
    callers = await createMatrixCallers(database.pool, 'search', ANFA);
    stopsKey = { Authorization: `Bearer ${(await createApiKey(database.pool, new LayerRegistry(), { module: 'crm', scopes: ['search', 'transit_stops:read'] })).key}` };
    server = await startTestServer(database.pool);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  const IN_ANFA = 'JOIN admin_areas a ON a.code = $1 AND ST_Intersects(a.geom, t.geom)';
  const insideAnfa = async (layer: 'permits' | 'establishments', ids: number[]) =>
    (await database.pool.query(`SELECT t.id FROM ${layer} t ${IN_ANFA} WHERE t.id = ANY($2)`, [ANFA, ids])).rows.length;

  it('gives an inspector confined to Anfa permits and establishments of Anfa only', async () => {
    // Queries that match features of Anfa and of the rest of the city alike: a reference prefix, a trade.
    const prefix = (await database.pool.query(`SELECT left(t.reference, 7) AS q FROM permits t ${IN_ANFA} LIMIT 1`, [ANFA])).rows[0].q;
    const trade = (await database.pool.query(`SELECT split_part(t.name_fr, ' ', 1) AS q FROM establishments t ${IN_ANFA} LIMIT 1`, [ANFA])).rows[0].q;
    for (const [layer, q] of [['permits', prefix], ['establishments', trade]] as const) {
      const admin = (await search(server, { q, layers: layer, limit: '50' }, callers.headers.admin)).results.map((result) => result.id);
      const inspector = (await search(server, { q, layers: layer, limit: '50' }, callers.headers.inspector)).results.map((result) => result.id);
      expect(await insideAnfa(layer, admin), layer).toBeLessThan(admin.length);
      expect(inspector.length, layer).toBeGreaterThan(0);
      expect(await insideAnfa(layer, inspector), layer).toBe(inspector.length);
    }
    expect((await search(server, { q: 'zerktouni' }, callers.headers.inspector)).results[0]?.kind).toBe('street');
  });

  it('needs the search scope for API keys and searches only the layers a key may read', async () => {
    expect((await search(server, { q: 'anfa' }, callers.headers.read_key)).status).toBe(403);
    const stops = await search(server, { q: 'sebaa', limit: '50' }, stopsKey);
    expect(stops.results.length).toBeGreaterThan(0);
    expect(new Set(stops.results.map((result) => result.layer))).toEqual(new Set(['transit_stops']));
    expect(stops.results.every((result) => result.area === undefined)).toBe(true);
    expect((await search(server, { q: 'anfa', layers: 'permits' }, stopsKey)).status).toBe(403);
    expect((await search(server, { q: 'anfa' }, callers.headers.expired_token)).status).toBe(401);
  });

  it('lets a position lift a near prefix match above a far exact one', async () => {
    const line = (lon: number) => `ST_GeomFromText('LINESTRING(${lon} 33.55, ${lon} 33.551)', 4326)`;
    await database.pool.query(`INSERT INTO road_segments (name_fr, name_ar, road_class, geom)
      VALUES ('Rue Imilchil', 'زنقة إملشيل', 'residential', ${line(-7.70)}), ('Rue Imilchil Haut', 'زنقة إملشيل العليا', 'residential', ${line(-7.55)})`);
    const names = async (query: Record<string, string>) => (await search(server, { q: 'imilchil', ...query })).results.map((result) => result.name.fr);
    expect(await names({})).toEqual(['Rue Imilchil', 'Rue Imilchil Haut']);
    expect(await names({ lon: '-7.55', lat: '33.5505' })).toEqual(['Rue Imilchil Haut', 'Rue Imilchil']);
    expect(await names({ lon: '-7.70', lat: '33.5505' })).toEqual(['Rue Imilchil', 'Rue Imilchil Haut']);
  });

  it('follows every write: new, renamed, moved and deleted features', async () => {
    const found = async (q: string) => (await search(server, { q, limit: '50' }, callers.headers.admin)).results;
    const road = (await database.pool.query(
      `INSERT INTO road_segments (name_fr, name_ar, road_class, geom)
       VALUES ('Rue Ouarzazate Nouvelle', 'زنقة ورزازات الجديدة', 'residential', ST_GeomFromText('LINESTRING(-7.62 33.59, -7.619 33.591)', 4326)),
              ('Rue Ouarzazate Nouvelle', 'زنقة ورزازات الجديدة', 'residential', ST_GeomFromText('LINESTRING(-7.619 33.591, -7.618 33.592)', 4326))
       RETURNING id`)).rows.map((row) => row.id);
    expect((await found('ouarzazat nouvelle')).filter((result) => result.kind === 'street').map((result) => result.segment_ids)).toEqual([road]);
    await database.pool.query("UPDATE road_segments SET geom = ST_GeomFromText('LINESTRING(-7.52 33.59, -7.519 33.591)', 4326) WHERE id = $1", [road[1]]);
    expect((await found('ورزازات')).filter((result) => result.kind === 'street')).toHaveLength(2);
    await database.pool.query("UPDATE road_segments SET name_fr = 'Rue Tinghir', name_ar = 'زنقة تنغير' WHERE id = ANY($1)", [road]);
    expect((await found('ouarzazate nouvelle')).filter((result) => road.includes(result.id))).toEqual([]);
    expect((await found('tinghir')).filter((result) => result.kind === 'street')).toHaveLength(2);
    await database.pool.query('DELETE FROM road_segments WHERE id = ANY($1)', [road]);
    expect((await found('tinghir')).filter((result) => result.kind === 'street')).toEqual([]);

    const permit = (await database.pool.query(
      `INSERT INTO permits (reference, kind, status, submitted_on, applicant_name, geom)
       VALUES ('ZZ-2031-77777', 'event', 'submitted', '2031-01-01', 'Nom Très Secret', ST_SetSRID(ST_MakePoint(-7.62, 33.59), 4326)) RETURNING id`)).rows[0].id;
    expect((await found('zz-2031-77777'))[0]).toMatchObject({ kind: 'permit', id: permit });
    await database.pool.query('DELETE FROM permits WHERE id = $1', [permit]);
    expect(await found('zz-2031-77777')).toEqual([]);
  });

  it('keeps streets right under concurrent renames, and equal to a rebuild from scratch', async () => {
    // Two touching segments of one street: after the renames they are one street again.
    const ids = Object.values((await database.pool.query(`SELECT a.id AS first, b.id AS second FROM road_segments a JOIN road_segments b
      ON b.name_fr = a.name_fr AND b.id > a.id AND ST_Touches(a.geom, b.geom) WHERE a.name_fr = 'Boulevard du Golan' ORDER BY a.id, b.id LIMIT 1`)).rows[0]);
    const [first, second] = [await database.pool.connect(), await database.pool.connect()];
    const rename = "UPDATE road_segments SET name_fr = 'Rue Agdz', name_ar = 'زنقة أكدز' WHERE id = $1";
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      await first.query(rename, [ids[0]]);
      const waiting = second.query(rename, [ids[1]]); // waits for the first writer's lock on the street
      await first.query('COMMIT');
      await waiting;
      await second.query('COMMIT');
    } finally {
      first.release();
      second.release();
    }
    const agdz = (await search(server, { q: 'agdz' })).results.filter((result) => result.kind === 'street');
    expect(agdz.map((result) => result.segment_ids)).toEqual([ids]);
    const streets = 'SELECT feature_id, street_key, name_fr, name_ar, subtype, details, ST_AsBinary(geom) AS geom FROM search_entries WHERE kind = $1 ORDER BY feature_id';
    const before = (await database.pool.query(streets, ['street'])).rows;
    await database.pool.query("SELECT search_streets_refresh(ARRAY(SELECT DISTINCT street_key FROM search_entries WHERE kind = 'street'))");
    expect((await database.pool.query(streets, ['street'])).rows).toEqual(before);
  });
});

describe('at a realistic size', () => {
  let database: ScratchDatabase;
  beforeAll(async () => {
    database = await createScratchDatabase();
    // 120,000 permit references and 40,000 streets drawn from a few thousand names, written straight into
    // the search table: the size of the city's registers, for the planner's choice of plan.
    await database.pool.query(`INSERT INTO search_entries (layer, feature_id, kind, code, subtype, geom)
      SELECT 'permits', n, 'permit', format('%s-%s-%s', (ARRAY['PC','PD','AEC','ODP','ENS'])[1 + n % 5], 2020 + n % 7, lpad((n % 99991)::text, 5, '0')),
             'construction', ST_SetSRID(ST_MakePoint(-7.7 + (n % 997) * 0.0003, 33.5 + (n % 991) * 0.0002), 4326)
        FROM generate_series(1, 120000) AS n`);
    await database.pool.query(`INSERT INTO search_entries (layer, feature_id, kind, street_key, name_fr, name_ar, subtype, geom)
      SELECT 'road_segments', n, 'street', 'k' || n, format('%s %s %s', (ARRAY['Rue','Boulevard','Avenue','Impasse'])[1 + n % 4], (ARRAY['Ibn Sina','Al Massira','Zerktouni','Anoual','Oued Ziz','Moulay Youssef','Abdelmoumen','Hassan'])[1 + n % 8], n % 5000),
             format('زنقة %s', n % 5000), 'residential', ST_SetSRID(ST_MakeLine(ST_MakePoint(-7.7 + (n % 997) * 0.0003, 33.5), ST_MakePoint(-7.7 + (n % 997) * 0.0003, 33.501)), 4326)
        FROM generate_series(1, 40000) AS n`);
    await database.pool.query('ANALYZE search_entries');
  });
  afterAll(() => database?.drop());

  it.each([['zerktouni 12'], ['الزرقطوني'], ['PD-2026-00048'], ['12']])('answers "%s" from the indexes, never by scanning search_entries', async (q) => {
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      const keys = (await client.query(
        `SELECT set_config('pg_trgm.word_similarity_threshold', $1, true), set_config('pg_trgm.similarity_threshold', $2, true),
                search_normalize($3) AS text, search_core(search_normalize($3)) AS core, search_code($3) AS code`,
        [String(WORD_SIMILARITY_THRESHOLD), String(CODE_SIMILARITY_THRESHOLD), q])).rows[0];
      const scope = resolveSearchScope(new LayerRegistry(), PUBLIC_PRINCIPAL, undefined);
      const query = buildSearchQuery({ textKey: keys.text, coreKey: keys.core, codeKey: keys.code, ...scope, areas: new LayerRegistry().areas, position: null, limit: 10, withAreaContext: true });
      const nodes = planNodes((await client.query(`EXPLAIN (FORMAT JSON) ${query.text}`, query.values)).rows[0]['QUERY PLAN'][0].Plan);
      const onEntries = nodes.filter((node) => node['Relation Name'] === 'search_entries' || String(node['Index Name']).startsWith('search_entries_'));
      expect(onEntries.map((node) => node['Node Type'])).not.toContain('Seq Scan');
      expect(onEntries.map((node) => node['Index Name'])).toEqual(expect.arrayContaining([expect.stringMatching(/^search_entries_(core_fr|core_ar|key_code|core_fr_words)_idx$/)]));
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

/** Every node of an EXPLAIN (FORMAT JSON) plan. */
function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}
