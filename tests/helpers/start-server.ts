import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { pino } from 'pino';
import { createRequestListener } from '../../server/app.ts';
import type { Clock } from '../../server/auth/denial-audit.ts';
import { loadConfig, PROJECT_ROOT } from '../../server/config.ts';
import { createHttpServer } from '../../server/http/http-server.ts';
import type { LoadShedder } from '../../server/http/load-shedder.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:43121 */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the real app on an ephemeral port (port 0) over the given pool, serving the built client, with
 * the default configuration plus `settings` (as environment strings, e.g. { LOGIN_ATTEMPTS_PER_USERNAME: '3' }),
 * optionally another registry, a clock moved by hand or a load shedder the test drives. Unless `settings` name a TILE_ARCHIVE_DIR, the
 * server's is an empty folder of its own: no archive the developer published (npm start builds one under
 * tiles/) reaches a test, and the public map draws live tiles.
 */
export async function startTestServer(
  pool: pg.Pool,
  settings: Record<string, string> = {},
  { registry = new LayerRegistry(), clock, shedder }: { registry?: LayerRegistry; clock?: Clock; shedder?: LoadShedder } = {},
): Promise<TestServer> {
  const emptyArchiveDir = settings.TILE_ARCHIVE_DIR === undefined ? mkdtempSync(join(tmpdir(), 'casa-sig-no-archive-')) : undefined;
  const config = loadConfig({
    CLIENT_DIST_DIR: join(PROJECT_ROOT, 'dist', 'client'),
    // TEST_LOG_LEVEL=error shows the server's own log of failing requests while debugging a test.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(emptyArchiveDir ? { TILE_ARCHIVE_DIR: emptyArchiveDir } : {}),
    ...settings,
  });
  const logger = pino({ level: config.LOG_LEVEL });
  const listener = createRequestListener({ pool, registry, logger, config, ...(clock ? { clock } : {}) }, shedder ? { shedder } : {});
  const server = createHttpServer(listener, logger);
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          if (emptyArchiveDir) rmSync(emptyArchiveDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
