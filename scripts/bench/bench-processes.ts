import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT } from '../../server/config.ts';

/** A server the benchmark started as its own operating-system process, on 127.0.0.1. */
export interface BenchServer {
  name: string;
  url: string;
  pid: number;
  /** Resident set size of the process, in bytes (from /proc). */
  rssBytes(): number;
  stop(): Promise<void>;
}

/** How long a server may take to start before the benchmark gives up. */
const START_TIMEOUT_MS = 60_000;

function readRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/**
 * Starts `node --import tsx <args>` with its output in a log file, and waits (polling the log, bounded) for
 * the line that gives its address.
 */
async function startProcess(name: string, args: string[], env: Record<string, string>, logDir: string, addressPattern: RegExp): Promise<BenchServer> {
  const logFile = join(logDir, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exitCode: number | null = null;
  child.once('exit', (code) => (exitCode = code ?? -1));
  const deadline = Date.now() + START_TIMEOUT_MS;
  let url: string | undefined;
  while (!url) {
    if (exitCode !== null) throw new Error(`${name} exited (${exitCode}) while starting; see ${logFile}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start within ${START_TIMEOUT_MS / 1000} s; see ${logFile}`);
    }
    url = addressPattern.exec(readFileSync(logFile, 'utf8'))?.[1]?.replace('localhost', '127.0.0.1');
    if (!url) await sleep(50);
  }
  const pid = child.pid!;
  return {
    name,
    url,
    pid,
    rssBytes: () => readRssBytes(pid),
    stop: async () => {
      if (exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    },
  };
}

/**
 * casa-sig itself, through its real entry point (server/index.ts main), on the benchmark database, with the
 * given settings (environment strings, e.g. { TILE_CACHE_MAX_BYTES: '0' }). Its per-source query budget is off
 * unless a setting turns it on: every measured request comes from one address, which a budget made for
 * many callers would refuse with 429 long before a latency could be read.
 */
export function startCasaServer(name: string, databaseUrl: string, settings: Record<string, string>, logDir: string): Promise<BenchServer> {
  return startProcess(
    name,
    ['-e', "import('./server/index.ts').then((m) => m.main()).catch((e) => { console.error(e); process.exit(1); })"],
    { DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', SAMPLE_DATA: 'never', LOG_LEVEL: 'info', QUERY_RATE_PER_MINUTE: '0', ...settings },
    logDir,
    /serving (http:\/\/localhost:\d+)/,
  );
}

/** A peer tile server of the benchmark (scripts/bench/<name>-tile-server.ts) on the benchmark database. */
export function startPeerServer(name: 'plain' | 'minimal', databaseUrl: string, logDir: string): Promise<BenchServer> {
  return startProcess(
    name,
    [join(PROJECT_ROOT, 'scripts', 'bench', `${name}-tile-server.ts`)],
    { DATABASE_URL: databaseUrl },
    logDir,
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  );
}
