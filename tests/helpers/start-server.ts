import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import { PROJECT_ROOT } from '../../server/config.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { join } from 'node:path';

export interface TestServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:43121 */
  url: string;
  close(): Promise<void>;
}

/** Starts the real app on an ephemeral port (port 0) over the given pool, serving the built client. */
export async function startTestServer(pool: pg.Pool, registry = new LayerRegistry()): Promise<TestServer> {
  const app = createApp({
    pool,
    registry,
    logger: pino({ level: 'silent' }),
    clientDistDir: join(PROJECT_ROOT, 'dist', 'client'),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
