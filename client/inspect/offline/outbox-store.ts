import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/**
 * The records an inspector made that the server has not acknowledged yet, kept in the device's IndexedDB
 * so that they survive a closed tab, a reload or a phone restarted without a network. Each record's id is
 * the Idempotency-Key it is always sent with: sent twice (an answer lost on the way), it is written once.
 */

/** Why the server refused a record for good (it will not be sent again as it is). */
export interface OutboxProblem {
  status: number;
  type: string;
  /** The server's words, or the problem's issues, to show the inspector. */
  detail: string | null;
}

export interface OutboxRecord {
  /** A random UUID, sent as the Idempotency-Key. */
  id: string;
  layerId: string;
  feature: { type: 'Feature'; geometry: null; properties: Record<string, unknown> };
  /** When it was recorded (ISO instant), the order the queue is sent in. */
  createdAt: string;
  /** The account that recorded it: it is sent only while that account is signed in. */
  owner: string;
  /** The feature it is about (the inspected establishment), to show it in its card. */
  parent: { layerId: string; featureId: string; name: string } | null;
  state: 'waiting' | 'refused';
  attempts: number;
  problem: OutboxProblem | null;
}

interface OutboxSchema extends DBSchema {
  outbox: { key: string; value: OutboxRecord; indexes: { createdAt: string } };
}

const DATABASE_NAME = 'casa-sig-inspect';
const STORE = 'outbox';

/** The outbox over one IndexedDB database (one per origin). */
export class OutboxStore {
  readonly #database: Promise<IDBPDatabase<OutboxSchema>>;

  constructor(name = DATABASE_NAME) {
    this.#database = openDB<OutboxSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore(STORE, { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      },
    });
  }

  /** Every record, oldest first. */
  async list(): Promise<OutboxRecord[]> {
    return (await this.#database).getAllFromIndex(STORE, 'createdAt');
  }

  async get(id: string): Promise<OutboxRecord | undefined> {
    return (await this.#database).get(STORE, id);
  }

  /** Keeps a new record; it is on the device before anything is sent. */
  async add(record: OutboxRecord): Promise<void> {
    await (await this.#database).add(STORE, record);
  }

  /** Changes a record in one transaction; false when it is no longer there (sent meanwhile). */
  async update(id: string, change: (record: OutboxRecord) => OutboxRecord): Promise<boolean> {
    const transaction = (await this.#database).transaction(STORE, 'readwrite');
    const record = await transaction.store.get(id);
    if (record) await transaction.store.put(change(record));
    await transaction.done;
    return record !== undefined;
  }

  async remove(id: string): Promise<void> {
    await (await this.#database).delete(STORE, id);
  }

  async close(): Promise<void> {
    (await this.#database).close();
  }
}
