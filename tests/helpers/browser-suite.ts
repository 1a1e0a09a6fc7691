import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type BrowserSession, launchBrowser } from './browser.ts';
import { createTestPool } from './database.ts';
import { startTestServer, type TestServer } from './start-server.ts';

/** What a browser test file shares between its tests: the sample database, one server, one browser. */
export interface BrowserSuite {
  readonly pool: pg.Pool;
  readonly server: TestServer;
  readonly browser: BrowserSession;
}

/**
 * Starts, for the whole file, the app over the sample database and one headless Chromium, and stops them
 * after its last test (one server and one browser per file keeps the browser tests fast on two cores).
 * `settings` may be a function, read when the server starts: after the hooks the file declared before
 * (a folder they prepare, for instance).
 */
export function startBrowserSuite(settings: Record<string, string> | (() => Record<string, string>) = {}): BrowserSuite {
  let pool: pg.Pool | undefined;
  let server: TestServer | undefined;
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    pool = createTestPool('sample');
    server = await startTestServer(pool, typeof settings === 'function' ? settings() : settings);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await pool?.end();
  });
  const started = <Value>(value: Value | undefined, name: string): Value => {
    if (value === undefined) throw new Error(`the browser suite's ${name} is not started (use it inside a test)`);
    return value;
  };
  return {
    get pool() {
      return started(pool, 'database pool');
    },
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
