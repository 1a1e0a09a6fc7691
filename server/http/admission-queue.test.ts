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
});
