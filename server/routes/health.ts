import { Router } from 'express';
import type pg from 'pg';
import { pendingMigrations, readMigrations } from '../db/migrate.ts';
import type { ReadRouting } from '../db/read-routing.ts';
import type { ApiOperation } from '../http/api-operation.ts';
import { AppError } from '../http/errors.ts';

/**
 * /healthz: the process answers (for a liveness probe; never touches the database).
 * /readyz: the database answers and every migration is applied (for a load balancer), and where reads go:
 * a replica that is down leaves the server ready (reads fall back to the primary), and says so.
 */
export function createHealthRouter(pool: pg.Pool, reads: ReadRouting): Router {
  const router = Router();
  // The files do not change while the process runs: read and hash them once, not at every probe.
  const migrations = readMigrations();
  router.get('/healthz', (_request, response) => {
    response.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_request, response) => {
    response.set('Cache-Control', 'no-store');
    const pending = await pendingMigrations(pool, migrations).catch(() => {
      throw new AppError(503, 'not-ready', 'Service unavailable', 'The database does not answer', {}, { 'Retry-After': '5' });
    });
    if (pending.length > 0) {
      throw new AppError(503, 'not-ready', 'Service unavailable', 'Database migrations are pending', { pendingMigrations: pending });
    }
    response.json({ status: 'ready', database: 'ok', replica: reads.status() });
  });
  return router;
}

export const healthOperations: ApiOperation[] = [
  { method: 'get', path: '/healthz', tag: 'service', access: 'public', summary: 'The process is up (never touches the database)', responses: { 200: 'Up' } },
  { method: 'get', path: '/readyz', tag: 'service', access: 'public', summary: 'The database answers and every migration is applied; `replica` says whether reads go to the read replica (DATABASE_REPLICA_URL) or fall back to the primary', responses: { 200: 'Ready', 503: 'Not ready (problem lists pending migrations)' } },
];
