import type pg from 'pg';
import { z } from 'zod';
import { closeWithPool, connectionOf, NotificationListener } from '../db/notification-listener.ts';
import type { UserPrincipal } from './principal.ts';

/** Where every change to a session's rights is announced (migrations/0030_session_change_notifications.sql). */
export const SESSION_CHANGES_CHANNEL = 'casa_sig_session_changes';

/** A live session as authenticate.ts resolves it. */
export type ResolvedSession = UserPrincipal & { expiresAt: Date };

const changeSchema = z.union([z.strictObject({ sessionId: z.number() }), z.strictObject({ userId: z.number() })]);

/** What an announcement names: one session, or every session of one account. */
export type SessionChange = z.infer<typeof changeSchema>;

export interface SessionCacheSettings {
  /** How long a resolved session is reused without asking PostgreSQL again; 0 turns the cache off. */
  ttlSeconds: number;
  /** Sessions remembered at most; past it the oldest is forgotten. */
  maxEntries: number;
}

/**
 * The principals of live sessions, by the SHA-256 of their token, for a few seconds: a map view asks for
 * dozens of tiles at every pan, and each would otherwise read the session from PostgreSQL.
 *
 * Correctness does not rest on the short lifetime. Logout, disabling an account, a change of role,
 * password or areas (from any door, plain SQL included) are announced by triggers on one channel, and every
 * process drops the sessions concerned at commit. While the listening connection is down nothing is reused,
 * and everything is forgotten when it comes back (announcements may have been missed). A lookup that a
 * change overtook is answered but not remembered. A session is never reused past its expiry.
 */
export class SessionCache {
  readonly #settings: SessionCacheSettings;
  readonly #entries = new Map<string, { session: ResolvedSession; cachedUntil: number }>();
  readonly #listener: NotificationListener;
  /** Bumped by every announcement: a lookup started before one is not remembered. */
  #generation = 0;

  constructor(pool: pg.Pool, settings: SessionCacheSettings, onError: (error: Error) => void = () => undefined) {
    this.#settings = settings;
    this.#listener = new NotificationListener({
      connection: connectionOf(pool),
      channel: SESSION_CHANGES_CHANNEL,
      applicationName: 'casa-sig-session-listener',
      onNotification: (payload) => this.#forget(payload),
      onStateChange: () => this.#forget(undefined),
      onError,
    });
    closeWithPool(pool, () => this.close());
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The session of a token hash: remembered, or from `load` (and then remembered when that is safe). */
  async find(tokenHash: Buffer, load: () => Promise<ResolvedSession | undefined>): Promise<ResolvedSession | undefined> {
    if (this.#settings.ttlSeconds <= 0) return load();
    this.#listener.start();
    const key = tokenHash.toString('base64');
    const now = Date.now();
    const entry = this.#entries.get(key);
    if (entry && this.#listener.state === 'listening' && entry.cachedUntil > now && entry.session.expiresAt.getTime() > now) return entry.session;
    if (entry) this.#entries.delete(key);
    const generation = this.#generation;
    const session = await load();
    if (session && generation === this.#generation && this.#listener.state === 'listening') {
      this.#entries.set(key, { session, cachedUntil: now + this.#settings.ttlSeconds * 1000 });
      if (this.#entries.size > this.#settings.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    }
    return session;
  }

  async close(): Promise<void> {
    this.#forget(undefined);
    await this.#listener.close();
  }

  /**
   * Forgets at once what this process just changed (a logout, an account update), without waiting for its
   * own announcement to come back: the next request of the same client must already see the change.
   */
  forget(change: SessionChange): void {
    this.#generation += 1;
    for (const [key, { session }] of this.#entries) {
      if ('sessionId' in change ? session.sessionId === change.sessionId : session.userId === change.userId) this.#entries.delete(key);
    }
  }

  /** Forgets the sessions an announcement concerns; everything when it cannot be read or on a state change. */
  #forget(payload: string | undefined): void {
    let change: SessionChange | undefined;
    try {
      change = payload === undefined ? undefined : changeSchema.parse(JSON.parse(payload));
    } catch {
      change = undefined;
    }
    if (change) {
      this.forget(change);
      return;
    }
    this.#generation += 1;
    this.#entries.clear();
  }
}
