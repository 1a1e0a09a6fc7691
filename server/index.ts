import { createServer, type Server } from 'node:http';
import { pino } from 'pino';
import { createRequestListener } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { loadSampleDataOnce } from './seed-sample-data.ts';
import { checkRegistryAgainstDatabase } from './layers/registry-check.ts';
import { LayerRegistry } from './layers/registry.ts';
import { startWebhookDispatcher, type WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';

/** Open connections get this long to finish after a shutdown signal before they are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

/** Process entry point: config -> database -> registry check -> app -> listen -> graceful shutdown. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'casa-sig' } });
  const log = (message: string) => logger.info(message);

  const database = await openDatabase(config, log);
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
    if (config.SAMPLE_DATA === 'auto' && (await loadSampleDataOnce(database.pool))) {
      logger.info('loaded the Casablanca sample data');
    }
    server = createServer(createRequestListener({ pool: database.pool, registry, logger, config }));
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
