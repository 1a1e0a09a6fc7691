import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, assertPostgisAvailable, pendingMigrations, readMigrations } from '../../server/db/migrate.ts';
import { checkRegistryAgainstDatabase, RegistryMismatchError } from '../../server/layers/registry-check.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';

let database: ScratchDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

describe('migrations on an empty database', () => {
  it('creates every layer table with its constraints, records each file and is idempotent', async () => {
    database = await createScratchDatabase({ isMigrated: false });
    expect(await pendingMigrations(database.pool)).toEqual(readMigrations().map((migration) => migration.name));
    expect(await assertPostgisAvailable(database.pool)).toMatch(/^3\./);

    const applied = await applyMigrations(database.pool);
    expect(applied).toEqual(readMigrations().map((migration) => migration.name));
    expect(await applyMigrations(database.pool)).toEqual([]);
    expect(await pendingMigrations(database.pool)).toEqual([]);

    const indexes = await database.pool.query<{ tablename: string }>(
      "SELECT tablename FROM pg_indexes WHERE indexdef LIKE '%USING gist (geom)%' ORDER BY tablename",
    );
    expect(indexes.rows.map((row) => row.tablename)).toEqual([
      'admin_areas', 'establishments', 'inspections', 'permits', 'road_segments', 'transit_routes', 'transit_stops',
    ]);
    await expect(checkRegistryAgainstDatabase(database.pool, new LayerRegistry())).resolves.toBeUndefined();
  });

  it('enforces kinds, statuses, geometry type, SRID and foreign keys', async () => {
    database = await createScratchDatabase();
    const pool = database.pool;
    const point = "ST_SetSRID(ST_MakePoint(-7.62, 33.59), 4326)";
    const rejects = (sql: string) => expect(pool.query(sql)).rejects.toMatchObject({ code: expect.stringMatching(/^23/) });
    await rejects(`INSERT INTO road_segments (road_class, geom) VALUES ('highway', ST_SetSRID(ST_MakeLine(ST_MakePoint(0,0), ST_MakePoint(1,1)), 4326))`);
    await rejects(`INSERT INTO permits (reference, kind, status, submitted_on, applicant_name, geom) VALUES ('PC-1-0001', 'construction', 'pending', '2026-01-01', 'X', ${point})`);
    await rejects(`INSERT INTO permits (reference, kind, status, submitted_on, decided_on, applicant_name, geom) VALUES ('PC-1-0002', 'construction', 'approved', '2026-01-01', '2025-01-01', 'X', ${point})`);
    await rejects(`INSERT INTO inspections (establishment_id, inspected_on, inspector_name, score, grade, outcome, geom) VALUES (999999, '2026-01-01', 'X', 50, 'C', 'compliant', ${point})`);
    await expect(pool.query(`INSERT INTO transit_stops (code, mode, name_fr, name_ar, geom) VALUES ('S1', 'tram', 'a', 'ب', ST_SetSRID(ST_MakePoint(-7.62, 33.59), 3857))`)).rejects.toThrow(/SRID/);
    await expect(pool.query(`INSERT INTO transit_stops (code, mode, name_fr, name_ar, geom) VALUES ('S1', 'tram', 'a', 'ب', ST_SetSRID(ST_MakeLine(ST_MakePoint(0,0), ST_MakePoint(1,1)), 4326))`)).rejects.toThrow(/geometry type/i);
  });

  it('bumps the version and updated time on every update', async () => {
    database = await createScratchDatabase();
    const inserted = await database.pool.query(
      "INSERT INTO road_segments (road_class, geom) VALUES ('residential', ST_SetSRID(ST_MakeLine(ST_MakePoint(-7.6, 33.6), ST_MakePoint(-7.61, 33.6)), 4326)) RETURNING id, version, updated_at",
    );
    const row = inserted.rows[0];
    const updated = await database.pool.query("UPDATE road_segments SET condition = 'poor', version = 99 WHERE id = $1 RETURNING version, updated_at", [row.id]);
    expect(updated.rows[0].version).toBe(row.version + 1);
    expect(updated.rows[0].updated_at.getTime()).toBeGreaterThanOrEqual(row.updated_at.getTime());
  });

  it('refuses an applied migration whose file changed', async () => {
    database = await createScratchDatabase();
    const changed = readMigrations().map((migration, index) => (index === 0 ? { ...migration, checksum: 'edited' } : migration));
    await expect(applyMigrations(database.pool, changed)).rejects.toThrow(/0001_extensions\.sql was changed/);
  });
});

describe('registry check against the live database', () => {
  it('stops on a renamed column, naming the layer and the column', async () => {
    database = await createScratchDatabase();
    await database.pool.query('ALTER TABLE road_segments RENAME COLUMN surface TO surface_type');
    const check = checkRegistryAgainstDatabase(database.pool, new LayerRegistry());
    await expect(check).rejects.toBeInstanceOf(RegistryMismatchError);
    await expect(check).rejects.toThrow('layer road_segments: column public.road_segments.surface (property surface) does not exist');
  });

  it('stops on a geometry column of the wrong type', async () => {
    database = await createScratchDatabase();
    // The projected copy that tiles read is generated from geom, and the area trigger fires on it: both
    // have to go before geom can change type.
    await database.pool.query('ALTER TABLE transit_stops DROP COLUMN geom_3857');
    await database.pool.query('DROP TRIGGER locate_in_area ON transit_stops');
    await database.pool.query('ALTER TABLE transit_stops ALTER COLUMN geom TYPE geometry(MultiPoint, 4326) USING ST_Multi(geom)');
    const check = checkRegistryAgainstDatabase(database.pool, new LayerRegistry());
    await expect(check).rejects.toThrow('layer transit_stops: column public.transit_stops.geom is MULTIPOINT, expected POINT');
    await expect(check).rejects.toThrow('layer transit_stops: column public.transit_stops.geom_3857 (projected tile geometry) does not exist');
  });
});
