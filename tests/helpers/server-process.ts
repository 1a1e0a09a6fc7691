import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';

export interface ServerProcess {
  url: string;
  /** Sends SIGTERM and resolves with the exit code once the process has ended. */
  stop(): Promise<number | null>;
  /** The exit code once the process has ended by itself (a crash), else null. */
  exitCode(): number | null;
  /** What the process has written so far (its log), bounded to the last megabyte. */
  output(): string;
}

const MAX_KEPT_OUTPUT = 1024 * 1024;

/**
 * Runs casa-sig as its own operating-system process (the real entry point, server/index.ts main) on the
 * given database and a free port; resolves once it logs that it is serving.
 */
export async function startServerProcess(databaseUrl: string, settings: Record<string, string> = {}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', "import('./server/index.ts').then((m) => m.main()).catch((e) => { console.error(e); process.exit(1); })"],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', SAMPLE_DATA: 'never', LOG_LEVEL: 'info', CLIENT_DIST_DIR: join(PROJECT_ROOT, 'dist', 'client'), ...settings },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let isServing = false;
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-MAX_KEPT_OUTPUT);
      const match = isServing ? null : /serving (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        isServing = true;
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server process exited (${code}):\n${output}`)));
  });
  return {
    url,
    exitCode: () => child.exitCode,
    output: () => output,
    stop: () =>
      new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
