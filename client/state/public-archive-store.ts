import { fetchPublicArchive, type PublicArchive } from '../api/public-archive.ts';
import { createStore, type ReadableStore } from './create-store.ts';
import type { SessionState, SessionStore } from './session-store.ts';

/**
 * Which tile archive the map reads, if any. The public's map draws the public layers from the archive
 * (`npm run tiles:archive`: static files, no database); staff (signed in) get live tiles, which carry what
 * their role may see and every edit at once. `pending` until both the session and the manifest are known:
 * the map waits for it as it waits for the catalog, so it never loads the tiles twice.
 */
export type PublicArchiveState = { status: 'pending' } | { status: 'settled'; archive: PublicArchive | null };

export type PublicArchiveStore = ReadableStore<PublicArchiveState>;

/** The archive the map draws for this session: none for staff, the published one (if any) for the public. */
export function archiveForSession(session: SessionState, manifest: PublicArchive | null | undefined): PublicArchiveState {
  if (session.status === 'signed-in') return { status: 'settled', archive: null };
  if (session.status === 'checking' || manifest === undefined) return { status: 'pending' };
  return { status: 'settled', archive: manifest };
}

function isSameArchive(a: PublicArchive | null, b: PublicArchive | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The manifest is asked for at start, alongside the session and the catalog, and again each time the page
 * becomes public (a sign-out), since a newer archive may have been published meanwhile. A manifest that
 * cannot be had (none published, the server unreachable) means live tiles.
 */
export function createPublicArchiveStore(session: SessionStore): PublicArchiveStore {
  /** undefined while the first answer is awaited. */
  let manifest: PublicArchive | null | undefined;
  let settled: PublicArchiveState | undefined;
  const store = createStore<PublicArchiveState>({ status: 'pending' });
  const apply = () => {
    const next = archiveForSession(session.get().state, manifest);
    // Once the map exists it is never torn down: a reload of the manifest keeps the archive known so far.
    if (next.status === 'pending' && settled) return;
    if (next.status === 'settled' && settled?.status === 'settled' && isSameArchive(next.archive, settled.archive)) return;
    if (next.status === 'settled') settled = next;
    store.update(() => next);
  };
  const load = () => {
    fetchPublicArchive().then(
      (archive) => {
        manifest = archive;
        apply();
      },
      () => {
        manifest ??= null;
        apply();
      },
    );
  };
  let generation = session.get().generation;
  session.subscribe(() => {
    const snapshot = session.get();
    if (snapshot.generation !== generation && snapshot.state.status === 'public') load();
    generation = snapshot.generation;
    apply();
  });
  load();
  return { get: store.get, subscribe: store.subscribe };
}
