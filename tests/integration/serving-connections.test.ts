import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { connectDatabase, type OpenDatabase } from '../../server/db/open-database.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';

let scratch: ScratchDatabase;
let database: OpenDatabase;

beforeAll(async () => {
  scratch = await createScratchDatabase({ isMigrated: false });
  database = await connectDatabase(loadConfig({ DATABASE_URL: scratch.url }), () => undefined);
});
afterAll(async () => {
  await database?.close();
  await scratch?.drop();
});

describe("the server's own connections", () => {
  it('run without parallel workers, on every connection of the pool', async () => {
    // Two clients at once, so that the setting is seen on more than the first connection.
    const [first, second] = await Promise.all([database.pool.connect(), database.pool.connect()]);
    try {
      for (const client of [first, second]) {
        const { rows } = await client.query<{ max_parallel_workers_per_gather: string }>('SHOW max_parallel_workers_per_gather');
        expect(rows[0]!.max_parallel_workers_per_gather).toBe('0');
      }
    } finally {
      first.release();
      second.release();
    }
  });

  it('on the replica pool too, when DATABASE_REPLICA_URL names one', async () => {
    // Any PostgreSQL will do to read a connection setting: the scratch database stands for the replica here.
    const withReplica = await connectDatabase(loadConfig({ DATABASE_URL: scratch.url, DATABASE_REPLICA_URL: scratch.url }), () => undefined);
    try {
      const { rows } = await withReplica.replicaPool!.query<{ max_parallel_workers_per_gather: string }>('SHOW max_parallel_workers_per_gather');
      expect(rows[0]!.max_parallel_workers_per_gather).toBe('0');
    } finally {
      await withReplica.close();
    }
  });
});
