import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LoadShedder } from './load-shedder.ts';

/** A shedder without its sampling timer's influence: the tests feed it the delays. */
function shedder(events: { isShedding: boolean; refused: number }[] = []): LoadShedder {
  return new LoadShedder({ maxDelayMs: 100, sampleMs: 3_600_000, onChange: ({ isShedding, refused }) => events.push({ isShedding, refused }) });
}

describe('LoadShedder', () => {
  it('starts after three samples in a row over the limit, not after one long task', () => {
    const events: { isShedding: boolean; refused: number }[] = [];
    const shedding = shedder(events);
    for (const delay of [500, 20, 150, 150]) shedding.update(delay);
    expect(shedding.isShedding).toBe(false);
    shedding.update(150);
    expect(shedding.isShedding).toBe(true);
    expect(events).toEqual([{ isShedding: true, refused: 0 }]);
    shedding.close();
  });

  it('keeps shedding down to half the limit, then stops', () => {
    const shedding = shedder();
    for (let sample = 0; sample < 3; sample += 1) shedding.update(200);
    shedding.update(60);
    expect(shedding.isShedding).toBe(true);
    shedding.update(49);
    expect(shedding.isShedding).toBe(false);
    shedding.close();
  });

  it('refuses only reads other than the health checks, and only while shedding', () => {
    const shedding = shedder();
    const get = (url: string) => ({ method: 'GET', url });
    expect(shedding.refuses(get('/api/search?q=anfa'))).toBe(false);
    for (let sample = 0; sample < 3; sample += 1) shedding.update(1_000);
    expect(shedding.refuses(get('/api/search?q=anfa'))).toBe(true);
    expect(shedding.refuses({ method: 'HEAD', url: '/tiles/road_segments/16/1/2.mvt' })).toBe(true);
    expect(shedding.refuses({ method: 'PATCH', url: '/ogc/collections/road_segments/items/1' })).toBe(false);
    expect(shedding.refuses(get('/readyz'))).toBe(false);
    expect(shedding.refuses(get('/healthz?verbose'))).toBe(false);
    expect(shedding.refuses(get('/readyzz'))).toBe(true);
    shedding.close();
  });

  it('never sheds with a limit of 0', () => {
    const shedding = new LoadShedder({ maxDelayMs: 0 });
    for (let sample = 0; sample < 5; sample += 1) shedding.update(10_000);
    expect(shedding.isShedding).toBe(false);
    shedding.close();
  });

  it('measures the event loop itself: a loop kept busy starts shedding, an idle one stops', async () => {
    const events: boolean[] = [];
    const shedding = new LoadShedder({ maxDelayMs: 50, sampleMs: 100, onChange: ({ isShedding }) => events.push(isShedding) });
    try {
      // Busy for 150 ms at a time, yielding in between (as a process drowning in requests does), for 5 s at most.
      const deadline = Date.now() + 5_000;
      while (!shedding.isShedding && Date.now() < deadline) {
        const until = Date.now() + 150;
        while (Date.now() < until) { /* busy */ }
        await yieldToLoop();
      }
      expect(events).toEqual([true]);
      await expect.poll(() => shedding.isShedding, { timeout: 5_000 }).toBe(false);
      expect(events).toEqual([true, false]);
    } finally {
      shedding.close();
    }
  });
});
