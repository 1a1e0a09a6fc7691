import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import { createFeature } from '../../api/create-feature.ts';
import { createOutboxFlusher, type FlushReport, outcomeOfError, type SendOutcome } from './outbox-sender.ts';
import { type OutboxProblem, type OutboxRecord, OutboxStore } from './outbox-store.ts';

/** How often a waiting queue is tried again while the device says it is online (ms). */
const RETRY_INTERVAL_MS = 20_000;
/** Sends from several tabs of the same device take turns under this Web Lock. */
const LOCK_NAME = 'casa-sig-outbox';

/** What recording one feature came to. */
export type RecordResult = { kind: 'sent'; featureId: string } | { kind: 'queued' } | { kind: 'refused'; problem: OutboxProblem };

export interface Outbox {
  records: OutboxRecord[];
  isOnline: boolean;
  /** Grows each time records reach the server: lists, cards and tiles reload on it. */
  sentCount: number;
  /** Keeps the record on the device, then tries to send it at once. */
  record(record: Omit<OutboxRecord, 'state' | 'attempts' | 'problem' | 'owner' | 'createdAt'>): Promise<RecordResult>;
  flush(): Promise<void>;
  discard(id: string): Promise<void>;
}

const OutboxContext = createContext<Outbox | null>(null);

export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error('useOutbox must be used inside <OutboxProvider>');
  return outbox;
}

async function send(record: OutboxRecord): Promise<SendOutcome> {
  try {
    const created = await createFeature(record.layerId, record.feature, { idempotencyKey: record.id });
    return { kind: 'sent', featureId: String(created.feature.id), wasReplayed: created.wasReplayed };
  } catch (error) {
    return outcomeOfError(toApiError(error));
  }
}

/** One flush under the device-wide lock when the browser has Web Locks. */
function underLock<Result>(work: () => Promise<Result>): Promise<Result> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? (locks.request(LOCK_NAME, work) as Promise<Result>) : work();
}

/**
 * The inspector's offline queue for the workspace: read from IndexedDB, sent when the page opens, when the
 * browser says the network is back, every 20 s while records wait, and right after a record is made.
 */
export function OutboxProvider({ owner, children }: { owner: string; children: ReactNode }) {
  const store = useMemo(() => new OutboxStore(), []);
  const flusher = useMemo(() => createOutboxFlusher(store), [store]);
  const [records, setRecords] = useState<OutboxRecord[]>([]);
  const [isOnline, setOnline] = useState(() => navigator.onLine);
  const [sentCount, setSentCount] = useState(0);
  const ownerRef = useRef(owner);
  ownerRef.current = owner;

  const refresh = useCallback(async () => setRecords(await store.list()), [store]);
  const flush = useCallback(async (): Promise<FlushReport> => {
    const report = await underLock(() => flusher({ owner: ownerRef.current, send }));
    if (report.sent.length > 0) setSentCount((count) => count + report.sent.length);
    await refresh();
    return report;
  }, [flusher, refresh]);

  useEffect(() => {
    void refresh().then(() => flush());
    const online = () => {
      setOnline(true);
      void flush();
    };
    const offline = () => setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [flush, refresh]);

  const hasWaiting = records.some((record) => record.state === 'waiting' && record.owner === owner);
  useEffect(() => {
    if (!hasWaiting) return undefined;
    const timer = window.setInterval(() => navigator.onLine && void flush(), RETRY_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [hasWaiting, flush]);

  const outbox = useMemo<Outbox>(
    () => ({
      records,
      isOnline,
      sentCount,
      async record(draft) {
        const record: OutboxRecord = { ...draft, owner: ownerRef.current, createdAt: new Date().toISOString(), state: 'waiting', attempts: 0, problem: null };
        await store.add(record);
        const report = await flush();
        const sent = report.sent.find((entry) => entry.record.id === record.id);
        if (sent) return { kind: 'sent', featureId: sent.featureId };
        const kept = await store.get(record.id);
        if (kept?.state === 'refused' && kept.problem) {
          // Refused while the inspector is still in the form: she corrects it there, it does not stay queued.
          await store.remove(record.id);
          await refresh();
          return { kind: 'refused', problem: kept.problem };
        }
        return { kind: 'queued' };
      },
      flush: async () => {
        await flush();
      },
      async discard(id) {
        await store.remove(id);
        await refresh();
      },
    }),
    [records, isOnline, sentCount, store, flush, refresh],
  );
  return <OutboxContext.Provider value={outbox}>{children}</OutboxContext.Provider>;
}
