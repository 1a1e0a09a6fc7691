import './plan.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LayerCatalog, LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import type { FeatureHit } from '../map/feature-hit.ts';
import { useMapController } from '../map/map-context.tsx';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import { MapAppWorkspace } from '../ui/map-app-workspace.tsx';
import { ConflictDialog } from './conflict-dialog.tsx';
import { EditorContext } from './editor-context.tsx';
import { EditorController } from './editor-controller.ts';
import { activeDraft } from './editor-state.ts';
import { EditorToolbar } from './editor-toolbar.tsx';
import { draftBounds, keyOf } from './model/segment-draft.ts';
import { PLAN_MESSAGES } from './plan-messages.ts';
import { SegmentCard } from './segment-card.tsx';
import { SegmentSearch } from './segment-search.tsx';
import { ShortcutsHelp } from './shortcuts-help.tsx';
import { UnsavedChanges } from './unsaved-changes.tsx';
import { useEditorKeyboard } from './use-editor-keyboard.ts';
import { useEditorMap } from './use-editor-map.ts';
import { useLeaveGuard } from './use-leave-guard.ts';

/** Street heritage, with the administrative areas for orientation. */
const PLAN_FAMILIES = ['street_heritage', 'reference'];

/**
 * The planners' editor at /plan (role planner or admin): the road network coloured by condition; a segment
 * opened from the map or the search can be reshaped, split, merged, deleted and described; new roads are
 * drawn with snapping; every step can be undone until the changes are saved as one change set.
 */
export function PlanApp() {
  const { catalog } = useServices();
  const catalogState = useStore(catalog, (value) => value);
  if (catalogState.status !== 'ready') return null;
  // The layer the editor edits: the street-heritage network (the one whose lines the server checks).
  const entry = catalogState.catalog.layers.find((layer) => layer.family === 'street_heritage' && layer.lineChecks);
  if (!entry) return <MapAppWorkspace families={PLAN_FAMILIES} panelLabel={PLAN_MESSAGES.fr.panelLabel} />;
  return <Editor catalog={catalogState.catalog} entry={entry} />;
}

function Editor({ catalog, entry }: { catalog: LayerCatalog; entry: LayerCatalogEntry }) {
  const controller = useMapController();
  const { state } = useServices();
  const messages = useMessages(PLAN_MESSAGES);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one editor for the life of the app: a new catalog (the same layer, after a restyle or a refresh) keeps the planner's session.
  const editor = useMemo(() => new EditorController(entry, (layerId, bboxes) => controller.edits.refreshPlaces(layerId, bboxes)), [controller, entry.id]);
  const may = entry.permissions;
  const selection = useStore(state, (snapshot) => snapshot.selection);
  const zoom = useStore(state, (snapshot) => snapshot.position?.zoom ?? 0);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [isMergeOpen, setMergeOpen] = useState(false);
  const card = useRef<HTMLElement | null>(null);
  const toolbar = useRef<HTMLDivElement | null>(null);

  const openSegment = useCallback((id: number) => state.update((current) => ({ ...current, selection: { layerId: entry.id, featureId: String(id) } })), [state, entry.id]);
  const onSelect = useCallback((hit: FeatureHit) => openSegment(Number(hit.featureId)), [openSegment]);

  // The open feature of the page and the editor's open segment follow each other.
  useEffect(() => {
    if (selection?.layerId === entry.id) {
      const id = Number(selection.featureId);
      if (!Number.isSafeInteger(id) || editor.store.get().activeKey === keyOf(entry.id, id)) return;
      // A segment opened from a link, the search or a list (not clicked on the map) is brought into view.
      const isClicked = selection.tileProperties !== undefined;
      void editor.open(id).then(
        () => {
          const draft = activeDraft(editor.store.get());
          if (!isClicked && draft) controller.edits.fitBeside(draftBounds(draft), [card.current, toolbar.current]);
        },
        () => undefined,
      );
    } else if (selection === null && editor.store.get().activeKey?.includes('/')) {
      editor.openKey(null);
    }
  }, [selection, editor, entry.id, controller]);
  useEffect(
    () =>
      editor.store.subscribe(() => {
        const active = editor.store.get().activeKey;
        const current = state.get().selection;
        const featureId = active?.includes('/') ? active.split('/').at(-1)! : null;
        if (featureId && (current?.layerId !== entry.id || current.featureId !== featureId)) state.update((value) => ({ ...value, selection: { layerId: entry.id, featureId } }));
        else if (!featureId && current?.layerId === entry.id) state.update((value) => ({ ...value, selection: null }));
      }),
    [editor, state, entry.id],
  );

  const onDelete = useCallback(() => {
    const draft = activeDraft(editor.store.get());
    if (draft && window.confirm(messages.confirmDelete(messages.segment(draft.id)))) editor.deleteActive();
  }, [editor, messages]);
  const keyboard = useMemo(
    () => ({ editor, entry, area: catalog, may, onDelete, onMerge: () => setMergeOpen((open) => !open), onHelp: () => setHelpOpen(true) }),
    [editor, entry, catalog, may, onDelete],
  );
  useEditorMap(editor, may.create || may.update, onSelect);
  useEditorKeyboard(keyboard);
  useLeaveGuard(editor);

  return (
    <EditorContext.Provider value={{ editor, entry, catalog, may, card, toolbar }}>
      <MapAppWorkspace
        families={PLAN_FAMILIES}
        panelLabel={messages.panelLabel}
        hidesDetailsOf={[entry.id]}
        panelStart={() => (
          <>
            <p className="side-panel__intro">{messages.intro}</p>
            <SegmentSearch onOpen={openSegment} />
            <UnsavedChanges />
          </>
        )}
      >
        <EditorToolbar onDelete={onDelete} onHelp={() => setHelpOpen(true)} zoom={zoom} isMergeOpen={isMergeOpen} onMergeOpen={setMergeOpen} />
        <SegmentCard ref={card} />
        <ConflictDialog />
        {isHelpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      </MapAppWorkspace>
    </EditorContext.Provider>
  );
}
