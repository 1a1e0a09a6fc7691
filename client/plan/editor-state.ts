import type { ApiError } from '../api/api-error.ts';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { EMPTY_SESSION, type EditSession, networkOf, unsavedChanges } from './model/edit-session.ts';
import type { SegmentDraft } from './model/segment-draft.ts';
import { type CheckArea, checkSegment } from './validation/segment-checks.ts';
import type { SegmentIssue } from './validation/segment-issue.ts';

/**
 * The editor's state: the edit session, the segment open for editing, the tool in hand, the roads around
 * (for snapping and checks), the state of the last save and any conflict to resolve. Plain data, held in an
 * external store by the editor controller; the selectors below are pure.
 */

/** What a click on the map does: select and reshape, draw a new road, cut a road, or remove a vertex. */
export type Tool = 'select' | 'draw' | 'split' | 'remove-vertex';

/** A feature someone else saved (or deleted) since the planner read it: both versions, to choose from. */
export interface Conflict {
  key: string;
  /** The version the planner started from (null: unknown), to tell his changes from theirs. */
  base: SegmentDraft | null;
  /** The planner's version (null: he deleted it). */
  mine: SegmentDraft | null;
  /** The server's version now (null: deleted there) and its ETag. */
  theirs: SegmentDraft | null;
  theirsEtag: string | null;
}

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; warnings: SegmentIssue[]; changeCount: number }
  | { status: 'failed'; error: ApiError };

/** A short message about the last action that could not be done (a cut at an end, a refused merge...). */
export type EditorNotice = 'split-at-end' | 'not-touching' | 'different-attributes' | 'open-failed' | 'too-few-vertices' | null;

export interface EditorState {
  session: EditSession;
  activeKey: string | null;
  tool: Tool;
  /** Whether a new road that ends on another cuts it there (the planner's choice, on by default). */
  splitAtJunctions: boolean;
  /** The segments around the view, as the server has them (snapping targets, neighbours of the checks). */
  around: readonly SegmentDraft[];
  isOpening: boolean;
  /** The map's drawing engine is loaded: the tools act from the first click. */
  isMapReady: boolean;
  save: SaveState;
  conflict: Conflict | null;
  /** The issues of the last refused save (422), by the server, until the feature changes again. */
  serverIssues: readonly SegmentIssue[];
  notice: EditorNotice;
}

export const INITIAL_EDITOR_STATE: EditorState = {
  session: EMPTY_SESSION,
  activeKey: null,
  tool: 'select',
  splitAtJunctions: true,
  around: [],
  isOpening: false,
  isMapReady: false,
  save: { status: 'idle' },
  conflict: null,
  serverIssues: [],
  notice: null,
};

/** The network as the editor sees it: the roads around with the session's versions. */
export function editorNetwork(state: EditorState): SegmentDraft[] {
  return networkOf(state.session, state.around);
}

/** The open segment as the session has it (its saved version when untouched), or null. */
export function activeDraft(state: EditorState): SegmentDraft | null {
  if (!state.activeKey) return null;
  const current = state.session.current.get(state.activeKey);
  if (current !== undefined) return current;
  return state.session.base.get(state.activeKey)?.draft ?? state.around.find((draft) => draft.key === state.activeKey) ?? null;
}

/** The checks of every changed segment, the server's issues of the last refused save first. */
export function editorIssues(state: EditorState, entry: LayerCatalogEntry, area: CheckArea): SegmentIssue[] {
  const changes = unsavedChanges(state.session);
  const sameChangeKeys = new Set(changes.map((change) => change.key));
  const network = editorNetwork(state);
  const own = changes.flatMap((change) => (change.draft ? checkSegment(change.draft, { entry, area, network, sameChangeKeys }) : []));
  const fromServer = state.serverIssues.filter((found) => !own.some((mine) => mine.key === found.key && mine.code === found.code && mine.pointer === found.pointer));
  return [...fromServer, ...own];
}

/** Whether the changes can be sent: some, and no error among their issues. */
export function canSave(state: EditorState, issues: readonly SegmentIssue[]): boolean {
  return unsavedChanges(state.session).length > 0 && !issues.some((found) => found.severity === 'error') && state.save.status !== 'saving' && state.conflict === null;
}
