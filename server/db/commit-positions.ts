import type { WalPosition } from './wal-position.ts';

export interface CommitPositionsOptions {
  /** The primary's WAL position now (pg_current_wal_insert_lsn()). */
  readPrimaryPosition: () => Promise<WalPosition>;
  /** How long an announced change waits for its writer's position before the primary is asked instead. */
  graceMs?: number;
  onError?: (error: Error) => void;
}

const DEFAULT_GRACE_MS = 1_000;
/** Between two attempts to read the primary's position while it does not answer. */
const RETRY_MS = 500;

/**
 * Which WAL position the replica must have replayed before a layer may be read from it, learnt from the
 * tile-changes channel. Each committed edit announces its layers twice: inside its transaction (delivered
 * at commit, with a commit id) and right after the commit with that id and the WAL position then
 * (pg_current_wal_insert_lsn(), at or past the commit record). Between the two the layer's requirement is
 * unknown, and it is read from the primary. A change that comes without an id (an import, SQL by hand), or
 * whose position never comes (its writer died between the commit and the announcement), gets the primary's
 * current position instead, read after the change was delivered, hence after its commit.
 *
 * Changes announced while the listening connection was down were never heard: on every (re)connection
 * the primary's position then is required of every layer (the barrier), and nothing is known before it is read.
 */
export class CommitPositions {
  readonly #options: Required<Omit<CommitPositionsOptions, 'onError'>> & Pick<CommitPositionsOptions, 'onError'>;
  readonly #required = new Map<string, WalPosition>();
  /** Changes waiting for their writer's position, by commit id. */
  readonly #pending = new Map<string, { layers: Set<string>; timer: NodeJS.Timeout }>();
  /** How many waiting changes name each layer. */
  readonly #unresolved = new Map<string, number>();
  /** Changes waiting for the primary's position to be read; `barrier` marks a (re)connection. */
  #toAsk: { layers: readonly string[] | 'barrier' }[] = [];
  #isAsking = false;
  #barrier: WalPosition = 0n;
  #isBarrierKnown = false;
  #isClosed = false;

  constructor(options: CommitPositionsOptions) {
    this.#options = { graceMs: DEFAULT_GRACE_MS, ...options };
  }

  /** The listening connection is (again) receiving every announcement: everything committed before now is required. */
  listening(): void {
    this.#isBarrierKnown = false;
    this.#ask({ layers: 'barrier' });
  }

  /** A change to `layers` was delivered (it has committed); its position follows under `commitId`, if it has one. */
  changed(layers: readonly string[], commitId?: string): void {
    for (const layer of layers) this.#unresolved.set(layer, (this.#unresolved.get(layer) ?? 0) + 1);
    if (commitId === undefined) {
      this.#ask({ layers });
      return;
    }
    const pending = this.#pending.get(commitId);
    if (pending) {
      for (const layer of layers) pending.layers.add(layer);
      return;
    }
    const timer = setTimeout(() => this.#giveUpWaiting(commitId), this.#options.graceMs);
    timer.unref();
    this.#pending.set(commitId, { layers: new Set(layers), timer });
  }

  /** The writer of `commitId` announced the position after its commit. */
  positioned(commitId: string, position: WalPosition): void {
    const pending = this.#pending.get(commitId);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pending.delete(commitId);
    this.#resolve([...pending.layers], position);
  }

  /** A writer of this process committed changes to `layers`, with the position after its commit: required at once. */
  committedHere(layers: readonly string[], position: WalPosition): void {
    for (const layer of layers) this.#raise(layer, position);
  }

  /**
   * The position the replica must have replayed for a read of `layers` (of every layer when absent) to see
   * every change announced so far; undefined while that is not known yet (read from the primary).
   */
  required(layers?: readonly string[]): WalPosition | undefined {
    if (!this.#isBarrierKnown) return undefined;
    const names = layers ?? [...this.#required.keys(), ...this.#unresolved.keys()];
    let position = this.#barrier;
    for (const layer of names) {
      if (this.#unresolved.has(layer)) return undefined;
      const needed = this.#required.get(layer) ?? 0n;
      if (needed > position) position = needed;
    }
    return position;
  }

  close(): void {
    this.#isClosed = true;
    for (const pending of this.#pending.values()) clearTimeout(pending.timer);
    this.#pending.clear();
  }

  #giveUpWaiting(commitId: string): void {
    const pending = this.#pending.get(commitId);
    if (!pending) return;
    this.#pending.delete(commitId);
    this.#ask({ layers: [...pending.layers] });
  }

  #resolve(layers: readonly string[], position: WalPosition): void {
    for (const layer of layers) {
      this.#raise(layer, position);
      const left = (this.#unresolved.get(layer) ?? 1) - 1;
      if (left > 0) this.#unresolved.set(layer, left);
      else this.#unresolved.delete(layer);
    }
  }

  #raise(layer: string, position: WalPosition): void {
    if (position > (this.#required.get(layer) ?? 0n)) this.#required.set(layer, position);
  }

  /** Reads the primary's position for every waiting change; one read at a time serves all that came before it. */
  #ask(entry: { layers: readonly string[] | 'barrier' }): void {
    this.#toAsk.push(entry);
    if (!this.#isAsking) void this.#askLoop();
  }

  async #askLoop(): Promise<void> {
    this.#isAsking = true;
    try {
      while (this.#toAsk.length > 0 && !this.#isClosed) {
        const batch = this.#toAsk;
        this.#toAsk = [];
        let position: WalPosition;
        try {
          position = await this.#options.readPrimaryPosition();
        } catch (error) {
          this.#options.onError?.(error as Error);
          this.#toAsk.unshift(...batch);
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
          continue;
        }
        const isBarrier = (entry: { layers: readonly string[] | 'barrier' }) => entry.layers === 'barrier';
        for (const entry of batch) {
          if (entry.layers !== 'barrier') this.#resolve(entry.layers, position);
          else if (position > this.#barrier) this.#barrier = position;
        }
        // A reconnection announced during this read needs a read of its own.
        if (batch.some(isBarrier) && !this.#toAsk.some(isBarrier)) this.#isBarrierKnown = true;
      }
    } finally {
      this.#isAsking = false;
    }
  }
}
