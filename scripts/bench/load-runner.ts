import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';
import type { LoadJob, LoadResult } from './load-client.ts';
import type { MixJob, MixResult } from './mix-client.ts';

/** What a job answers: a mix its per-request records, the others their latencies per item. */
type ResultOf<J extends LoadJob> = J extends MixJob ? MixResult : LoadResult;

/** The parent's handle on the load client process. */
export interface LoadRunner {
  run<J extends LoadJob>(job: J): Promise<ResultOf<J>>;
  stop(): Promise<void>;
}

/** A job may take this long at most before the benchmark stops (every loop in the bench is bounded). */
const JOB_TIMEOUT_MS = 10 * 60_000;

/** Forks scripts/bench/load-client.ts as the second process that makes every request. */
export function startLoadRunner(): LoadRunner {
  const child: ChildProcess = fork(join(PROJECT_ROOT, 'scripts', 'bench', 'load-client.ts'), ['--load-client'], {
    cwd: PROJECT_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (result: LoadResult | MixResult) => void; reject: (error: Error) => void }>();
  child.on('message', (message: { id: number; result?: LoadResult | MixResult; error?: string }) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(`load client: ${message.error}`));
    else waiter?.resolve(message.result!);
  });
  child.once('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`load client exited (${code})`));
    pending.clear();
  });
  return {
    run<J extends LoadJob>(job: J) {
      const id = nextId++;
      return new Promise<ResultOf<J>>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`load job timed out after ${JOB_TIMEOUT_MS / 1000} s`));
        }, JOB_TIMEOUT_MS);
        pending.set(id, {
          resolve: (result) => {
            clearTimeout(timer);
            resolve(result as ResultOf<J>);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        child.send({ id, job });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      await exited;
    },
  };
}
