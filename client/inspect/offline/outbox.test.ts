import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { createOutboxFlusher, outcomeOfError, type SendOutcome } from './outbox-sender.ts';
import { type OutboxRecord, OutboxStore } from './outbox-store.ts';

/**
 * The offline queue on a real IndexedDB implementation (fake-indexeddb runs the IndexedDB API in memory):
 * what is recorded survives reopening, is sent once in order, and is kept or set aside as the server says.
 */

const stores: OutboxStore[] = [];
function openStore(name: string): OutboxStore {
  const store = new OutboxStore(name);
  stores.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

let clock = 0;
function record(owner = 'inspector', score = 80): OutboxRecord {
  clock += 1;
  return {
    id: randomUUID(),
    layerId: 'inspections',
    feature: { type: 'Feature', geometry: null, properties: { establishment_id: 7, score } },
    createdAt: new Date(Date.UTC(2026, 11, 7, 9, 0, clock)).toISOString(),
    owner,
    parent: { layerId: 'establishments', featureId: '7', name: 'Café du Port' },
    state: 'waiting',
    attempts: 0,
    problem: null,
  };
}

/** A stand-in for the server: answers from a script, remembering the keys it was sent. */
function scriptedServer(answers: ((key: string) => SendOutcome)[]) {
  const keys: string[] = [];
  const written = new Set<string>();
  const send = async (outboxRecord: OutboxRecord): Promise<SendOutcome> => {
    keys.push(outboxRecord.id);
    const answer = answers.shift() ?? (() => ({ kind: 'sent', featureId: '1', wasReplayed: false }) as SendOutcome);
    const outcome = answer(outboxRecord.id);
    if (outcome.kind === 'sent') written.add(outboxRecord.id);
    return outcome;
  };
  return { send, keys, written };
}

const offline: () => SendOutcome = () => ({ kind: 'retry', problem: { status: 0, type: 'network-error', detail: null } });

describe('the outbox', () => {
  it('keeps records on the device across a reopened database, oldest first', async () => {
    const name = `outbox-${randomUUID()}`;
    const first = openStore(name);
    const [a, b] = [record(), record()];
    await first.add(b);
    await first.add(a);
    await first.close();
    const reopened = openStore(name);
    expect((await reopened.list()).map((item) => item.id)).toEqual([a.id, b.id]);
  });

  it('sends each waiting record once, in order, and removes what the server holds', async () => {
    const store = openStore(`outbox-${randomUUID()}`);
    const records = [record(), record(), record()];
    for (const item of records) await store.add(item);
    const server = scriptedServer([]);
    const flush = createOutboxFlusher(store);
    const [report, again] = await Promise.all([flush({ owner: 'inspector', send: server.send }), flush({ owner: 'inspector', send: server.send })]);
    expect(server.keys).toEqual(records.map((item) => item.id));
    expect(report.sent.map((sent) => sent.record.id)).toEqual(records.map((item) => item.id));
    expect(again.sent).toEqual([]);
    expect(await store.list()).toEqual([]);
  });

  it('keeps a record whose answer never came, and sends it again later with the same key', async () => {
    const store = openStore(`outbox-${randomUUID()}`);
    const [lost, next] = [record(), record()];
    await store.add(lost);
    await store.add(next);
    // The server wrote the first record but the network dropped its answer: the device cannot tell.
    const server = scriptedServer([
      (key) => {
        server.written.add(key);
        return offline();
      },
    ]);
    const flush = createOutboxFlusher(store);
    const failed = await flush({ owner: 'inspector', send: server.send });
    expect(failed.stoppedAt?.id).toBe(lost.id);
    expect(server.keys).toEqual([lost.id]);
    expect((await store.get(lost.id))?.attempts).toBe(1);
    expect((await store.get(lost.id))?.state).toBe('waiting');

    const retried = await flush({ owner: 'inspector', send: server.send });
    expect(server.keys).toEqual([lost.id, lost.id, next.id]);
    expect(retried.sent.map((sent) => sent.record.id)).toEqual([lost.id, next.id]);
    expect(await store.list()).toEqual([]);
  });

  it('sets aside a record the server refuses, shows why, and goes on with the next', async () => {
    const store = openStore(`outbox-${randomUUID()}`);
    const [invalid, valid] = [record('inspector', 140), record()];
    await store.add(invalid);
    await store.add(valid);
    const refusal = outcomeOfError(new ApiError({ status: 422, type: 'invalid-feature', title: 'Unprocessable content', issues: [{ message: 'Score: 140 dépasse le maximum 100' }] }));
    const server = scriptedServer([() => refusal]);
    const flush = createOutboxFlusher(store);
    const report = await flush({ owner: 'inspector', send: server.send });
    expect(report.refused.map((item) => item.id)).toEqual([invalid.id]);
    expect(report.sent.map((sent) => sent.record.id)).toEqual([valid.id]);
    const kept = await store.get(invalid.id);
    expect(kept).toMatchObject({ state: 'refused', attempts: 1, problem: { status: 422, detail: 'Score: 140 dépasse le maximum 100' } });
    await flush({ owner: 'inspector', send: server.send });
    expect(server.keys).toEqual([invalid.id, valid.id]);
  });

  it('sends only the records of the account signed in', async () => {
    const store = openStore(`outbox-${randomUUID()}`);
    const [mine, hers] = [record('inspector'), record('colleague')];
    await store.add(mine);
    await store.add(hers);
    const server = scriptedServer([]);
    await createOutboxFlusher(store)({ owner: 'inspector', send: server.send });
    expect(server.keys).toEqual([mine.id]);
    expect((await store.list()).map((item) => item.id)).toEqual([hers.id]);
  });
});

describe('how a failed send is handled', () => {
  it('retries what may pass later and refuses what never will', () => {
    const error = (status: number, type = 'x') => new ApiError({ status, type, title: 't' });
    for (const status of [0, 401, 409, 429, 500, 503]) expect(outcomeOfError(error(status)).kind, String(status)).toBe('retry');
    for (const status of [400, 403, 404, 413, 422]) expect(outcomeOfError(error(status)).kind, String(status)).toBe('refused');
  });
});
