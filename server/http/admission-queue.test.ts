import { describe, expect, it } from 'vitest';
import { AdmissionQueue, ServerBusyError } from './admission-queue.ts';

/** A task that finishes when `finish()` is called, recording that it started. */
function controllable(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<string>((resolve) => (finish = () => resolve(name)));
  const task = () => {
    started.push(name);
    return done;
  };
  return { task, finish: () => finish() };
}

describe('AdmissionQueue', () => {
  it('runs at most `concurrency` tasks, queues the next ones in order and refuses past the queue', async () => {
    const queue = new AdmissionQueue({ concurrency: 2, maxQueued: 1, retryAfterSeconds: 3, busyDetail: 'Too busy' });
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => controllable(started, name));
    const running = [queue.run(a!.task), queue.run(b!.task), queue.run(c!.task)];
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    expect([queue.active, queue.queued]).toEqual([2, 1]);

    const refused = await queue.run(async () => 'd').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServerBusyError);
    expect(refused).toMatchObject({ status: 503, type: 'unavailable', detail: 'Too busy', headers: { 'Retry-After': '3' } });

    b!.finish();
    await running[1];
    await Promise.resolve();
    expect(started).toEqual(['a', 'b', 'c']);
    a!.finish();
    c!.finish();
    expect(await Promise.all(running)).toEqual(['a', 'b', 'c']);
    expect([queue.active, queue.queued]).toEqual([0, 0]);
  });

  it('frees the slot of a failed task', async () => {
    const queue = new AdmissionQueue({ concurrency: 1, maxQueued: 0, retryAfterSeconds: 1, busyDetail: 'Too busy' });
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 'next')).toBe('next');
    expect(queue.active).toBe(0);
  });

  it('serves waiting sources in turn, not in arrival order', async () => {
    const queue = new AdmissionQueue({ concurrency: 1, maxQueued: 100, retryAfterSeconds: 1, busyDetail: 'Too busy' });
    const started: string[] = [];
    const tasks = ['h1', 'h2', 'h3', 'h4'].map((name) => controllable(started, name));
    const search = controllable(started, 'search');
    const running = tasks.map((task) => queue.run(task.task, 'key:harvester'));
    running.push(queue.run(search.task, 'address:192.0.2.7'));
    await Promise.resolve();
    expect(started).toEqual(['h1']);
    tasks[0]!.finish();
    await running[0];
    await Promise.resolve();
    // The search waited behind one harvester query, not behind all of them.
    expect(started).toEqual(['h1', 'search']);
    search.finish();
    for (const task of tasks.slice(1)) task.finish();
    await Promise.all(running);
    expect(started).toEqual(['h1', 'search', 'h2', 'h3', 'h4']);
  });

  it('holds one source to its share of slots and of the queue, and still admits the others', async () => {
    const queue = new AdmissionQueue({ concurrency: 3, maxQueued: 8, maxActivePerSource: 2, maxQueuedPerSource: 2, retryAfterSeconds: 1, busyDetail: 'Too busy' });
    const started: string[] = [];
    const harvest = Array.from({ length: 4 }, (_, index) => controllable(started, `h${index}`));
    const running = harvest.map((task) => queue.run(task.task, 'key:harvester'));
    await Promise.resolve();
    expect(started).toEqual(['h0', 'h1']);
    await expect(queue.run(async () => 'h4', 'key:harvester')).rejects.toBeInstanceOf(ServerBusyError);
    expect(await queue.run(async () => 'search', 'address:192.0.2.7')).toBe('search');
    for (const task of harvest) task.finish();
    await Promise.all(running);
    expect([queue.active, queue.queued]).toEqual([0, 0]);
  });
});
