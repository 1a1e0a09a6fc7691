/**
 * `tsx scripts/measure-inspect-list.ts [--rounds N] [--port P]`
 *
 * How the inspectors' workspace's list performs on the scaled dataset (100,000 permits), in headless
 * Chromium: the time from opening /inspect to the first list drawn, and from pressing an age bucket to the
 * filtered list drawn, for the administrator (the whole city) and the demo inspector (Anfa). Prints the
 * median and the extremes of each; asserts nothing. Uses the benchmark's own cluster and dataset
 * (scripts/bench/bench-dataset.ts, built once), never the user's data. Run it under the benchmark lock:
 * `flock /tmp/casa-sig-bench.lock npm run bench:inspect`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../server/auth/demo-accounts.ts';
import { PROJECT_ROOT } from '../server/config.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/helpers/browser.ts';
import { defaultBenchDataDir, openBenchDatabase } from './bench/bench-dataset.ts';
import { startCasaServer } from './bench/bench-processes.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const rounds = option('--rounds', 5);
const port = option('--port', 54349);
const log = (message: string) => console.log(message);

async function listDrawn(page: Page, queryPart: string): Promise<number> {
  const selector = queryPart ? `.list-status[data-state="ready"][data-query*="${queryPart}"]` : '.list-status[data-state="ready"]';
  await page.locator(selector).waitFor({ timeout: 120_000 });
  return Number(await page.locator(selector).getAttribute('data-number-matched'));
}

/** One round: a fresh page signed in, timed to the first list, then to the list of one bucket. */
async function measureRound(baseUrl: string, username: string): Promise<{ firstList: number; request: number; bucket: number; matched: number; bucketMatched: number }> {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.username === username)!;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.request.post(`${baseUrl}/api/auth/login`, { data: { username: account.username, password: account.password } });
    const opened = performance.now();
    await page.goto(`${baseUrl}/inspect?lang=fr`);
    const matched = await listDrawn(page, '');
    const firstList = performance.now() - opened;
    // Of which the first page of the list itself (request to answer read), from the page's resource timing.
    const request = await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/ogc/collections/permits/items') && entry.name.includes('bbox=') && !entry.name.includes('cursor=')).map((entry) => entry.duration).at(-1) ?? 0);
    const pressed = performance.now();
    await page.locator('.bucket-chip[data-bucket="pending-over-90"]').click();
    const bucketMatched = await listDrawn(page, 'submitted_on=');
    return { firstList, request, bucket: performance.now() - pressed, matched, bucketMatched };
  } finally {
    await browser.close();
  }
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `median ${median.toFixed(0)} ms (min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)})`;
}

const database = await openBenchDatabase({ dataDir: defaultBenchDataDir(), port, log });
const logDir = join(PROJECT_ROOT, '.data', 'bench', 'logs');
mkdirSync(logDir, { recursive: true });
const server = await startCasaServer('inspect-list', database.url, {}, logDir);
try {
  log(`dataset: ${JSON.stringify(database.counts)}; ${rounds} rounds per account, each in a new browser (cold page, warm server)`);
  for (const username of ['admin', 'inspector']) {
    const results = [];
    for (let round = 0; round < rounds; round += 1) results.push(await measureRound(server.url, username));
    const last = results.at(-1)!;
    log(`${username}: first list drawn ${summary(results.map((result) => result.firstList))}; ${last.matched} permits in view`);
    log(`${username}: of which the list's first page (1,000 permits and the count) ${summary(results.map((result) => result.request))}`);
    log(`${username}: age bucket pressed to list drawn ${summary(results.map((result) => result.bucket))}; ${last.bucketMatched} permits in view`);
  }
} finally {
  await server.stop();
  database.stop();
}
