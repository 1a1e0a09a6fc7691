import { ApiError, toApiError } from '../api/api-error.ts';
import { type AppliedChange, fetchLockedFeature, postChangeSet } from '../api/feature-edits.ts';
import type { Bbox } from '../map/tile-revisions.ts';
import type { Store } from '../state/create-store.ts';
import { draftOf } from './draft-of.ts';
import type { Conflict, EditorState } from './editor-state.ts';
import { buildChangeSet, locateIssue } from './model/change-request.ts';
import { EMPTY_SESSION, rememberSaved, unsavedChanges } from './model/edit-session.ts';
import { draftBounds, isSameDraft, keyOf, type SegmentDraft } from './model/segment-draft.ts';
import type { SegmentIssue } from './validation/segment-issue.ts';

/**
 * Saving the editor's session: the unsaved changes as one change set (POST /api/changes, all or nothing).
 * Features known only from a list are read first for their ETag, and one that changed on the server
 * meanwhile is a conflict, as is a 412 from the change set itself; a 422 puts the server's issues next to
 * their fields. After a save the changed places get new tiles at once.
 */
export interface SaveDeps {
  layerId: string;
  editableNames: readonly string[];
  onSaved: (layerId: string, bboxes: Bbox[]) => void;
}

type EditorStore = Store<EditorState>;

function update(store: EditorStore, changes: Partial<EditorState>): void {
  store.update((state) => ({ ...state, ...changes }));
}

/** The server's version of a saved feature now (null when it was deleted), with its ETag. */
async function readTheirs(layerId: string, key: string): Promise<{ draft: SegmentDraft | null; etag: string | null }> {
  const id = Number(key.split('/').at(-1));
  try {
    const { feature, etag } = await fetchLockedFeature(layerId, id);
    return { draft: draftOf(layerId, feature), etag };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { draft: null, etag: null };
    throw error;
  }
}

/** Reads again, with their ETags, the base of every change that lacks one; false when one changed meanwhile. */
async function lockBases(store: EditorStore, layerId: string): Promise<boolean> {
  for (const change of unsavedChanges(store.get().session)) {
    if (!change.base || change.base.etag !== null) continue;
    const theirs = await readTheirs(layerId, change.key);
    if (theirs.draft && theirs.etag && isSameDraft(theirs.draft, change.base.draft)) {
      const locked = { draft: theirs.draft, etag: theirs.etag };
      store.update((state) => ({ ...state, session: rememberSaved(state.session, locked.draft, locked.etag) }));
      continue;
    }
    update(store, { conflict: { key: change.key, base: change.base.draft, mine: change.draft, theirs: theirs.draft, theirsEtag: theirs.etag }, save: { status: 'idle' } });
    return false;
  }
  return true;
}

/** A refused change set: a conflict to resolve, the server's issues by field, or the failure as it is. */
async function handleRefusal(store: EditorStore, layerId: string, error: ApiError, keys: readonly string[]): Promise<void> {
  const index = typeof error.extensions.changeIndex === 'number' ? error.extensions.changeIndex : undefined;
  const key = index === undefined ? undefined : keys[index];
  if ((error.status === 412 || error.status === 404) && key?.includes('/')) {
    const theirs = await readTheirs(layerId, key);
    const { session } = store.get();
    const conflict: Conflict = { key, base: session.base.get(key)?.draft ?? null, mine: session.current.get(key) ?? null, theirs: theirs.draft, theirsEtag: theirs.etag };
    update(store, { conflict, save: { status: 'idle' } });
    return;
  }
  if (error.status === 422 && Array.isArray(error.extensions.issues)) {
    const serverIssues = (error.extensions.issues as { pointer?: string; code?: string; message?: SegmentIssue['message'] }[]).flatMap((found): SegmentIssue[] => {
      const located = found.pointer ? locateIssue(found.pointer) : null;
      const at = located ? keys[located.index] : undefined;
      if (!located || !at || !found.message || !found.code) return [];
      return [{ key: at, severity: 'error', code: found.code, pointer: located.rest || '/geometry', message: found.message }];
    });
    update(store, { serverIssues, save: { status: 'failed', error } });
    return;
  }
  update(store, { save: { status: 'failed', error } });
}

function warningsOf(layerId: string, changes: readonly AppliedChange[]): SegmentIssue[] {
  return changes.flatMap((applied) =>
    applied.warnings.map((warning): SegmentIssue => ({ key: keyOf(layerId, applied.id), severity: 'warning', code: warning.code, pointer: warning.pointer, message: warning.message })),
  );
}

/**
 * Saves the session; resolves to the id of the segment to open again afterwards (the open one, under its
 * new id if it was new), or null.
 */
export async function saveSession(store: EditorStore, deps: SaveDeps, reason?: string): Promise<number | null> {
  update(store, { save: { status: 'saving' }, notice: null });
  try {
    if (!(await lockBases(store, deps.layerId))) return null;
    const state = store.get();
    const changes = unsavedChanges(state.session);
    const request = buildChangeSet(changes, deps.layerId, deps.editableNames, reason);
    let result: Awaited<ReturnType<typeof postChangeSet>>;
    try {
      result = await postChangeSet(request.body);
    } catch (error) {
      await handleRefusal(store, deps.layerId, toApiError(error), request.keys);
      return null;
    }
    deps.onSaved(deps.layerId, changes.flatMap((change) => [change.base?.draft, change.draft].flatMap((draft): Bbox[] => (draft ? [draftBounds(draft)] : []))));
    store.update((current) => ({
      ...current,
      session: { ...EMPTY_SESSION, nextNewNumber: current.session.nextNewNumber },
      activeKey: null,
      serverIssues: [],
      save: { status: 'saved', warnings: warningsOf(deps.layerId, result.changes), changeCount: changes.length },
    }));
    const active = state.activeKey;
    if (!active || changes.some((change) => change.key === active && change.kind === 'delete')) return null;
    const id = result.ids[active] ?? Number(active.split('/').at(-1));
    return Number.isSafeInteger(id) ? id : null;
  } catch (error) {
    update(store, { save: { status: 'failed', error: toApiError(error) } });
    return null;
  }
}
