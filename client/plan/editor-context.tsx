import { createContext, type RefObject, useContext } from 'react';
import type { LayerCatalog, LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { pickLabel } from '../i18n/pick-label.ts';
import { useStore } from '../state/create-store.ts';
import type { EditorController } from './editor-controller.ts';
import { editorIssues, type EditorState } from './editor-state.ts';
import type { SegmentIssue } from './validation/segment-issue.ts';

/** What the editor's panels share: the controller, the edited layer as the catalog describes it, the catalog. */
export interface EditorContextValue {
  editor: EditorController;
  entry: LayerCatalogEntry;
  catalog: LayerCatalog;
  /** What the planner may do with the layer (the server checks every change again). */
  may: { create: boolean; update: boolean; delete: boolean };
  /** The open segment's card, which covers part of the map (what the map shows is fitted beside it). */
  card: RefObject<HTMLElement | null>;
  /** The toolbar with its hints, over the top of the map (fitted below it when there is room). */
  toolbar: RefObject<HTMLDivElement | null>;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditorContext must be used inside <EditorContext.Provider>');
  return value;
}

/** A part of the editor's state (a field, not a new object: see useStore). */
export function useEditorState<Selected>(select: (state: EditorState) => Selected): Selected {
  return useStore(useEditorContext().editor.store, select);
}

const issueCache = new WeakMap<EditorState, SegmentIssue[]>();

/** Every issue of the unsaved changes, computed once per state. */
export function useEditorIssues(): SegmentIssue[] {
  const { entry, catalog } = useEditorContext();
  const state = useEditorState((value) => value);
  let issues = issueCache.get(state);
  if (!issues) {
    issues = editorIssues(state, entry, catalog);
    issueCache.set(state, issues);
  }
  return issues;
}

/** A label in the interface language, French when the language's own is missing. */
export function useLabel(): (labels: { fr: string; ar: string; en: string }) => string {
  const { language } = useI18n();
  return (labels) => pickLabel(labels, language);
}
