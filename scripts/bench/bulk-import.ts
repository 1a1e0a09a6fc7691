import pg from 'pg';

/** One bulk import timed against a plain insert of the same rows. */
export interface BulkImportTiming {
  rows: number;
  /** Into the layer's table, with every trigger (generalised tiles, search, derived columns). */
  layerSeconds: number;
  /** Into the same table with its user triggers disabled: indexes, defaults, constraints and nothing else. */
  plainSeconds: number;
}

const ROAD_COLUMNS = 'name_fr, name_ar, road_class, surface, condition, width_m, lanes, sidewalks, is_lit, is_one_way, last_works_on, geom';

/**
 * What a bulk import of `rows` road segments costs: the same rows (copies of existing segments, moved a
 * little so that they are new streets' neighbours, not duplicates) inserted in one statement into
 * road_segments, once as it is and once with its user triggers disabled (a plain insert: same indexes,
 * same WAL). Each insert is rolled back (a savepoint), the whole transaction too: the dataset is left as
 * it was.
 */
export async function measureBulkImport(url: string, rows: number): Promise<BulkImportTiming> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET statement_timeout = '30min'");
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE import_source ON COMMIT DROP AS
      SELECT ${ROAD_COLUMNS.replace('geom', 'ST_Translate(geom, 0.0003, 0.0002) AS geom')} FROM road_segments ORDER BY id LIMIT $1`.replace('$1', String(Math.trunc(rows))));
    const time = async (setup: string) => {
      await client.query('SAVEPOINT import');
      await client.query(setup);
      const started = performance.now();
      await client.query(`INSERT INTO road_segments (${ROAD_COLUMNS}) SELECT ${ROAD_COLUMNS} FROM import_source`);
      const seconds = (performance.now() - started) / 1000;
      await client.query('ROLLBACK TO SAVEPOINT import');
      return seconds;
    };
    const plainSeconds = await time('ALTER TABLE road_segments DISABLE TRIGGER USER');
    const layerSeconds = await time('SELECT 1');
    return { rows, layerSeconds, plainSeconds };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}
