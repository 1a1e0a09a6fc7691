import type { Server } from 'node:http';
import { type Logger, pino } from 'pino';
import { createRequestListener } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { connectDatabase, type OpenDatabase } from './db/open-database.ts';
import { MigrationError, pendingMigrations } from './db/migrate.ts';
import { createHttpServer } from './http/http-server.ts';
import { checkRegistryAgainstDatabase } from './layers/registry-check.ts';
import { LayerRegistry } from './layers/registry.ts';
import { startWebhookDispatcher, type WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';

/** Open connections get this long to finish after a shutdown signal before they are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

export function createLogger(config: Config): Logger {
  return pino({ level: config.LOG_LEVEL, base: { service: 'casa-sig' } });
}

/**
 * Serves an open, migrated database: registry check -> app -> listen -> webhooks, and a graceful
 * shutdown on SIGINT/SIGTERM that closes the database (and the embedded cluster, if there is one).
 */
export async function serve(database: OpenDatabase, config: Config, logger: Logger): Promise<void> {
  let server: Server | undefined;
  let webhooks: WebhookDispatcher | undefined;
  const shutdown = async (signal: string) => {
    logger.info(`${signal} received, shutting down`);
    const forceClose = setTimeout(() => server?.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    clearTimeout(forceClose);
    await webhooks?.stop();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const registry = new LayerRegistry();
    await checkRegistryAgainstDatabase(database.pool, registry);
    server = createHttpServer(createRequestListener({ pool: database.pool, replicaPool: database.replicaPool, registry, logger, config }), logger);
    server.listen(config.PORT, config.HOST);
    await new Promise<void>((resolve, reject) => {
      server!.once('listening', resolve).once('error', reject);
    });
    webhooks = await startWebhookDispatcher({ pool: database.pool, registry, logger, config });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info(`casa-sig is serving http://localhost:${port}`);
  } catch (error) {
    await webhooks?.stop();
    await database.close();
    throw error;
  }
}

/**
 * The production entry point (server/production.ts, `npm run serve`): DATABASE_URL -> the schema must be
 * current -> serve. It never migrates, loads sample data, starts a database or installs packages; a
 * database whose migrations are behind this code is refused, naming them (run `npm run db:migrate`).
 */
export async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  if (!config.DATABASE_URL) {
    throw new MigrationError('DATABASE_URL is not set: the production server only uses an existing database (npm start runs an embedded one for development)');
  }
  const database = await connectDatabase(config, (message) => logger.info(message));
  try {
    const pending = await pendingMigrations(database.pool);
    if (pending.length > 0) {
      throw new MigrationError(`The database is behind this version of casa-sig: ${pending.length} migration(s) pending (${pending.join(', ')}); run npm run db:migrate first`);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  await serve(database, config, logger);
}
