import type { Position } from 'geojson';
import { ApiError, toApiError } from '../api/api-error.ts';
import { fetchLockedFeature, restoreFeatureVersion } from '../api/feature-edits.ts';
import { fetchFeatures } from '../api/fetch-features.ts';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import type { Bbox } from '../map/tile-revisions.ts';
import { createStore, type Store } from '../state/create-store.ts';
import { type Resolution, resolutionStep, resolvedDraft } from './conflict-resolution.ts';
import { draftOf } from './draft-of.ts';
import { saveSession } from './editor-save.ts';
import { activeDraft, editorNetwork, type EditorState, INITIAL_EDITOR_STATE, type Tool } from './editor-state.ts';
import type { EditStep } from './model/edit-history.ts';
import { perform, rebase, redo, rememberSaved, takeNewKey, undo } from './model/edit-session.ts';
import { draftBounds, keyOf } from './model/segment-draft.ts';
import { drawSegment } from './operations/draw-segment.ts';
import { mergeSegments } from './operations/merge-segments.ts';
import { reshapeSegment, type ShapeChange } from './operations/reshape-segment.ts';
import { deleteSegment, removeVertex, setProperties } from './operations/segment-steps.ts';
import { type SplitPoint, splitSegment } from './operations/split-segment.ts';
import { editableNames } from './validation/server-rules.ts';
import type { IssueFix, SegmentIssue } from './validation/segment-issue.ts';

/** The most segments read around the view (the server's page limit is 1000). */
const AROUND_LIMIT = 1000;

/**
 * The planners' editor: its state in a store, and every action on it. Geometry and attribute actions are
 * pure steps (operations/) performed on the session; saving sends the session's changes as one change set
 * and handles what the server answers (new ids and ETags, a conflict, issues); after a save the places that
 * changed get new tiles at once (`onSaved`), on this map, and on others through the tile-changes stream.
 */
export class EditorController {
  readonly store: Store<EditorState> = createStore(INITIAL_EDITOR_STATE);
  readonly #entry: LayerCatalogEntry;
  readonly #onSaved: (layerId: string, bboxes: Bbox[]) => void;
  #openRequest: AbortController | undefined;
  #aroundRequest: AbortController | undefined;

  constructor(entry: LayerCatalogEntry, onSaved: (layerId: string, bboxes: Bbox[]) => void) {
    this.#entry = entry;
    this.#onSaved = onSaved;
  }

  get layerId(): string {
    return this.#entry.id;
  }

  get editableNames(): string[] {
    return editableNames(this.#entry);
  }

  /** Opens a saved segment for editing: read with its ETag (the session's version wins when it has one). */
  async open(id: number): Promise<void> {
    const key = keyOf(this.layerId, id);
    if (this.store.get().activeKey === key) return;
    this.#openRequest?.abort();
    const request = new AbortController();
    this.#openRequest = request;
    this.#update({ activeKey: key, isOpening: true, notice: null, tool: 'select' });
    try {
      const { feature, etag } = await fetchLockedFeature(this.layerId, id, request.signal);
      const draft = draftOf(this.layerId, feature);
      if (!draft) throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: 'not a line' });
      this.store.update((state) => (state.activeKey === key ? { ...state, session: rememberSaved(state.session, draft, etag), isOpening: false } : state));
    } catch (error) {
      if (request.signal.aborted) return;
      this.store.update((state) => (state.activeKey === key ? { ...state, activeKey: null, isOpening: false, notice: 'open-failed' } : state));
      throw toApiError(error);
    }
  }

  /** Opens a segment of the session by key (a new one has no id to read). */
  openKey(key: string | null): void {
    this.#openRequest?.abort();
    this.#update({ activeKey: key, isOpening: false, notice: null });
  }

  setTool(tool: Tool): void {
    this.#update({ tool, notice: null });
  }

  setSplitAtJunctions(splitAtJunctions: boolean): void {
    this.#update({ splitAtJunctions });
  }

  /** Reads the segments inside a box (snapping targets and the checks' neighbours). */
  async loadAround(bbox: Bbox): Promise<void> {
    this.#aroundRequest?.abort();
    const request = new AbortController();
    this.#aroundRequest = request;
    try {
      const features = await fetchFeatures(this.layerId, { limit: AROUND_LIMIT, filters: { bbox: bbox.join(',') }, signal: request.signal });
      const around = features.flatMap((feature) => draftOf(this.layerId, feature) ?? []);
      this.#update({ around });
    } catch (error) {
      if (!request.signal.aborted) throw toApiError(error);
    }
  }

  /** A new road was drawn: it joins the network at its ends, becomes the open segment, and waits for its values. */
  drawn(coordinates: Position[]): void {
    this.#perform((state) => {
      let session = state.session;
      const take = () => {
        const [key, next] = takeNewKey(session);
        session = next;
        return key;
      };
      const key = take();
      const step = drawSegment(coordinates, {}, key, editorNetwork(state), { splitAtJunctions: state.splitAtJunctions, takeKey: take });
      return { step, session, activeKey: key, tool: 'select' as Tool };
    });
  }

  /** The open segment was reshaped on the map. */
  reshaped(coordinates: Position[], change: ShapeChange): void {
    this.#perform((state) => {
      const draft = activeDraft(state);
      if (!draft) return null;
      let session = state.session;
      const takeKey = () => {
        const [key, next] = takeNewKey(session);
        session = next;
        return key;
      };
      return { step: reshapeSegment(draft, coordinates, change, editorNetwork(state), { splitAtJunctions: state.splitAtJunctions, takeKey }), session };
    });
  }

  splitAt(point: SplitPoint): void {
    this.#perform((state) => {
      const draft = activeDraft(state);
      if (!draft) return null;
      const [key, session] = takeNewKey(state.session);
      const step = splitSegment(draft, point, key);
      return step ? { step, session, tool: 'select' as Tool } : { notice: 'split-at-end' as const };
    });
  }

  mergeWith(otherKey: string): void {
    this.#perform((state) => {
      const draft = activeDraft(state);
      const other = editorNetwork(state).find((candidate) => candidate.key === otherKey);
      if (!draft || !other) return null;
      const step = mergeSegments(draft, other, this.editableNames);
      return typeof step === 'string' ? { notice: step } : { step };
    });
  }

  removeVertexAt(index: number): void {
    this.#perform((state) => {
      const draft = activeDraft(state);
      if (!draft) return null;
      const step = removeVertex(draft, index);
      return step ? { step } : { notice: 'too-few-vertices' as const };
    });
  }

  deleteActive(): void {
    this.#perform((state) => {
      const draft = activeDraft(state);
      return draft ? { step: deleteSegment(draft), activeKey: null } : null;
    });
  }

  setValues(values: Readonly<Record<string, unknown>>): void {
    this.#perform((state) => {
      const draft = activeDraft(state);
      const step = draft ? setProperties(draft, values) : null;
      return step ? { step } : null;
    });
  }

  /** Applies the obvious fix of an issue (snap an end, remove a repeated vertex, merge with a twin). */
  applyFix(found: SegmentIssue & { fix: IssueFix }): void {
    const { fix } = found;
    if (fix.kind === 'merge') {
      this.openKey(found.key);
      this.mergeWith(fix.withKey);
      return;
    }
    this.openKey(found.key);
    const draft = activeDraft(this.store.get());
    if (!draft) return;
    if (fix.kind === 'remove-vertex') this.removeVertexAt(fix.index);
    else this.reshaped(draft.geometry.coordinates.map((position, index) => (index === fix.index ? fix.to : position)), { kind: 'move', index: fix.index });
  }

  undo(): void {
    this.store.update((state) => this.#afterHistory(state, undo(state.session)));
  }

  redo(): void {
    this.store.update((state) => this.#afterHistory(state, redo(state.session)));
  }

  /**
   * Sends every unsaved change as one change set (editor-save.ts); then the saved segment is opened again
   * as the server has it.
   */
  async save(reason?: string): Promise<void> {
    const reopen = await saveSession(this.store, { layerId: this.layerId, editableNames: this.editableNames, onSaved: this.#onSaved }, reason);
    if (reopen !== null) await this.open(reopen);
  }

  /** Makes a past version of the open segment current again (POST .../restore with its ETag). */
  async restore(version: number): Promise<void> {
    const state = this.store.get();
    const base = state.activeKey ? state.session.base.get(state.activeKey) : undefined;
    if (!base?.etag || base.draft.id === null) return;
    const restored = await restoreFeatureVersion(this.layerId, base.draft.id, version, base.etag);
    const draft = draftOf(this.layerId, restored.feature);
    if (!draft) return;
    this.#onSaved(this.layerId, [draftBounds(base.draft), draftBounds(draft)]);
    this.store.update((current) => ({ ...current, session: rebase(current.session, draft.key, { draft, etag: restored.etag }) }));
  }

  /** Ends a conflict as the planner chose; the session is then based on the server's version. */
  resolveConflict(resolution: Resolution): void {
    this.store.update((state) => {
      const conflict = state.conflict;
      if (!conflict) return state;
      let session = state.session;
      if (conflict.theirs && conflict.theirsEtag) {
        session = rebase(session, conflict.key, { draft: conflict.theirs, etag: conflict.theirsEtag });
        const resolved = conflict.mine ? resolvedDraft(conflict.mine, conflict.theirs, resolution) : resolution.kind === 'mine' ? null : conflict.theirs;
        const step = resolutionStep(conflict.mine, resolved, conflict.key);
        if (step) session = perform(session, step);
      } else {
        // Deleted on the server: taking theirs drops the planner's version; keeping his makes it a new road.
        const current = new Map(session.current);
        const base = new Map(session.base);
        current.delete(conflict.key);
        base.delete(conflict.key);
        session = { ...session, current, base };
        if (resolution.kind !== 'theirs' && conflict.mine) {
          const [key, next] = takeNewKey(session);
          session = perform(next, { kind: 'resolve', changes: [{ key, before: null, after: { ...conflict.mine, key, id: null } }] });
        }
      }
      return { ...state, session, conflict: null, save: { status: 'idle' } };
    });
  }

  #afterHistory(state: EditorState, session: EditorState['session']): EditorState {
    if (session === state.session) return state;
    const next = { ...state, session, serverIssues: [], save: { status: 'idle' as const }, notice: null };
    // A new road undone away, or a deleted one brought back: the open segment follows what exists.
    return { ...next, activeKey: next.activeKey && activeDraft(next) ? next.activeKey : null };
  }

  #perform(decide: (state: EditorState) => (Partial<EditorState> & { step?: EditStep }) | null): void {
    this.store.update((state) => {
      const decision = decide(state);
      if (!decision) return state;
      const { step, ...changes } = decision;
      const session = step ? perform(changes.session ?? state.session, step) : (changes.session ?? state.session);
      const touched = new Set(step?.changes.map((change) => change.key) ?? []);
      return {
        ...state,
        ...changes,
        session,
        serverIssues: state.serverIssues.filter((found) => !touched.has(found.key)),
        save: step ? { status: 'idle' } : state.save,
        notice: changes.notice ?? null,
      };
    });
  }

  #update(changes: Partial<EditorState>): void {
    this.store.update((state) => ({ ...state, ...changes }));
  }
}
