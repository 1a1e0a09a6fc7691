import type pg from 'pg';
import { CommitPositions } from './commit-positions.ts';
import { isDatabaseUnavailable, isReplicaReadRetryable } from './database-errors.ts';
import { closeWithPool, connectionOf } from './notification-listener.ts';
import { ReplicaMonitor, type ReplicaState } from './replica-monitor.ts';
import { formatWalPosition, readPrimaryPosition, type WalPosition } from './wal-position.ts';

/** Where one read runs. */
export type ReadTarget = 'primary' | 'replica';

/** What /readyz says of the replica. */
export type ReplicaStatus =
  | { state: 'none' }
  | { state: ReplicaState; reads: ReadTarget; replayed?: string; detail: string };

export interface ReadRoutingOptions {
  primary: pg.Pool;
  /** A pool on a streaming replica of the primary (DATABASE_REPLICA_URL), if there is one. */
  replica?: pg.Pool | undefined;
  /** Told when the replica goes down or comes back, and when the primary's position cannot be read. */
  onEvent?: (message: string, error?: Error) => void;
}

const STATE_DETAILS: Record<ReplicaState, string> = {
  unknown: 'not probed yet: reads on the primary',
  standby: 'streaming: reads on the replica, except layers it has not replayed the latest edit of',
  'not-a-standby': 'the replica is not in recovery (promoted?): reads fall back to the primary',
  down: 'the replica does not answer: reads fall back to the primary',
};

/**
 * Sends read-only work (tiles, item reads, queries, search) to the replica when there is one and it can
 * answer as the primary would, and everything else to the primary. Writes, and anything read inside a
 * write transaction, never come here: they use the primary's pool directly.
 *
 * "As the primary would" means: the replica answers, is a standby, and has replayed every change announced
 * so far to the layers read (CommitPositions, fed by the tile-changes listener; ReplicaMonitor, which
 * probes the replica's replay position). Otherwise the read goes to the primary, and so does any read
 * while the tile-changes listener is down (changes could go unheard). A read the replica fails because it
 * went down, or cancelled in a conflict with recovery, is run again on the primary.
 */
export class ReadRouting {
  readonly primary: pg.Pool;
  readonly replica: pg.Pool | undefined;
  readonly #monitor: ReplicaMonitor | undefined;
  readonly #positions: CommitPositions | undefined;
  #isListening = false;

  constructor(options: ReadRoutingOptions) {
    this.primary = options.primary;
    this.replica = options.replica;
    if (!options.replica) return;
    const onEvent = options.onEvent ?? (() => undefined);
    this.#monitor = new ReplicaMonitor({
      connection: connectionOf(options.replica),
      onStateChange: (state, error) => onEvent(`replica: ${STATE_DETAILS[state]}`, error),
    });
    this.#positions = new CommitPositions({
      readPrimaryPosition: () => readPrimaryPosition(options.primary),
      onError: (error) => onEvent('could not read the primary\'s WAL position; reads stay on the primary', error),
    });
    this.#monitor.start();
    closeWithPool(options.primary, () => this.close());
  }

  /** Where a read of `layers` (of any layer when absent) should run now. */
  choose(layers?: readonly string[]): ReadTarget {
    const monitor = this.#monitor;
    if (!monitor || !this.#isListening || monitor.state !== 'standby') return 'primary';
    const required = this.#positions!.required(layers);
    if (required === undefined) return 'primary';
    if (monitor.replayed < required) {
      monitor.await(required);
      return 'primary';
    }
    return 'replica';
  }

  /** Runs a read of `layers` on the pool `choose` names; a replica failure that the primary can mend is retried there. */
  async run<T>(layers: readonly string[] | undefined, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
    if (this.choose(layers) === 'primary') return work(this.primary);
    try {
      return await work(this.replica!);
    } catch (error) {
      if (!isReplicaReadRetryable(error)) throw error;
      // Down: no read goes there until a probe says it answers again. A recovery conflict is one query's bad luck.
      if (isDatabaseUnavailable(error)) this.#monitor?.reportFailure(error as Error);
      return work(this.primary);
    }
  }

  /** The tile-changes listener's state: while it is not listening, nothing is read from the replica. */
  listening(isListening: boolean): void {
    this.#isListening = isListening;
    if (isListening) this.#positions?.listening();
  }

  /** A change to `layers` was delivered by the listener (see CommitPositions.changed). */
  changed(layers: readonly string[], commitId?: string): void {
    this.#positions?.changed(layers, commitId);
  }

  /** A writer announced the WAL position after its commit `commitId`. */
  positioned(commitId: string, position: WalPosition): void {
    this.#positions?.positioned(commitId, position);
  }

  /** A writer of this process committed changes to `layers`; `position` is after its commit. */
  committedHere(layers: readonly string[], position: WalPosition): void {
    this.#positions?.committedHere(layers, position);
  }

  status(): ReplicaStatus {
    const monitor = this.#monitor;
    if (!monitor) return { state: 'none' };
    const isUsable = monitor.state === 'standby' && this.#isListening;
    return {
      state: monitor.state,
      reads: isUsable ? 'replica' : 'primary',
      ...(monitor.replayed >= 0n ? { replayed: formatWalPosition(monitor.replayed) } : {}),
      detail: monitor.state === 'standby' && !this.#isListening ? 'streaming, but edits are not being heard (listener reconnecting): reads on the primary' : STATE_DETAILS[monitor.state],
    };
  }

  async close(): Promise<void> {
    this.#positions?.close();
    await this.#monitor?.close();
  }
}
