import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { useEffect, useRef } from 'react';
import type { FeatureHit } from '../map/feature-hit.ts';
import type { ReshapeMode } from '../map/line-editing.ts';
import { useMapController } from '../map/map-context.tsx';
import type { MapMode } from '../map/mode-host.ts';
import type { SnapTarget } from '../map/snap-to-lines.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import type { EditorController } from './editor-controller.ts';
import { activeDraft, editorNetwork, type EditorState } from './editor-state.ts';
import { unsavedChanges } from './model/edit-session.ts';
import { createRemoveVertexMode, createSplitMode } from './point-on-line-modes.ts';

/** How near the pointer must come to snap or to hit the line, in CSS pixels (a finger needs more than a mouse). */
const TOLERANCE_PX = 12;
/** From this zoom the roads around the view are read for snapping (a whole city would be too many). */
export const SNAP_MIN_ZOOM = 15;
const OVERLAY_ID = 'plan-edits';
const SOURCE_ID = 'plan-edits:features';
const COLORS = { update: '#0b57d0', create: '#188038', delete: '#c5221f', active: '#0b57d0' };

/** The session's changes and the open segment as map features (what the tiles do not show yet). */
function editFeatures(state: EditorState): FeatureCollection<LineString | Point> {
  const features: Feature<LineString | Point>[] = unsavedChanges(state.session).map((change) => ({
    type: 'Feature',
    properties: { status: change.kind },
    geometry: (change.draft ?? change.base!.draft).geometry,
  }));
  const active = activeDraft(state);
  if (active) {
    features.push({ type: 'Feature', properties: { status: 'active' }, geometry: active.geometry });
    if (state.tool === 'split' || state.tool === 'remove-vertex') {
      for (const position of active.geometry.coordinates) features.push({ type: 'Feature', properties: { status: 'vertex' }, geometry: { type: 'Point', coordinates: position } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The saved features the map must not draw from its tiles: the ones the session changed, and the open one. */
function hiddenIds(state: EditorState): number[] {
  const keys = new Set([...state.session.current.keys(), ...(state.activeKey ? [state.activeKey] : [])]);
  return [...keys].flatMap((key) => {
    const id = Number(key.split('/').at(-1));
    return key.includes('/') && Number.isSafeInteger(id) ? [id] : [];
  });
}

/**
 * Puts the editor on the map: its changes drawn over the tiles (and the tiles' old versions hidden), the mode
 * of the tool in hand (draw, reshape the open segment, cut it, remove a vertex), snapping to the roads read
 * around the view, and back to browsing when the app closes.
 */
export function useEditorMap(editor: EditorController, canEdit: boolean, onSelect: (hit: FeatureHit) => void): void {
  const controller = useMapController();
  const { state: appState } = useServices();
  const tool = useStore(editor.store, (state) => state.tool);
  const activeKey = useStore(editor.store, (state) => state.activeKey);
  const hasActive = useStore(editor.store, (state) => activeDraft(state) !== null);
  const reshape = useRef<ReshapeMode | null>(null);
  const expectedMode = useRef<string>('browse');

  // The overlay of edits and the hidden tile features follow the store.
  useEffect(() => {
    controller.overlays.set({
      id: OVERLAY_ID,
      sources: { [SOURCE_ID]: { type: 'geojson', data: editFeatures(editor.store.get()) } },
      layers: [
        { id: `${OVERLAY_ID}:casing`, type: 'line', source: SOURCE_ID, filter: ['==', ['geometry-type'], 'LineString'], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': ['match', ['get', 'status'], 'active', 9, 7] } },
        {
          id: `${OVERLAY_ID}:line`,
          type: 'line',
          source: SOURCE_ID,
          filter: ['==', ['geometry-type'], 'LineString'],
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: { 'line-color': ['match', ['get', 'status'], 'create', COLORS.create, 'delete', COLORS.delete, COLORS.update], 'line-width': ['match', ['get', 'status'], 'active', 5, 4], 'line-dasharray': ['match', ['get', 'status'], 'delete', ['literal', [1, 1]], ['literal', [1, 0]]] },
        },
        { id: `${OVERLAY_ID}:vertices`, type: 'circle', source: SOURCE_ID, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': COLORS.active, 'circle-stroke-width': 2 } },
      ],
    });
    const show = () => {
      const state = editor.store.get();
      controller.overlays.setData(OVERLAY_ID, SOURCE_ID, editFeatures(state));
      controller.edits.hideFeatures(editor.layerId, hiddenIds(state));
      const active = activeDraft(state);
      if (active && state.tool === 'select') reshape.current?.setCoordinates(active.geometry.coordinates);
    };
    show();
    const unsubscribe = editor.store.subscribe(show);
    return () => {
      unsubscribe();
      controller.overlays.remove(OVERLAY_ID);
      controller.edits.hideFeatures(editor.layerId, []);
    };
  }, [controller, editor]);

  // The drawing engine, loaded as the app opens.
  useEffect(() => {
    void controller.edits.prepare().then(() => editor.store.update((state) => ({ ...state, isMapReady: true })));
  }, [controller, editor]);

  // The roads around the view, read again after each move when zoomed in enough to snap.
  useEffect(() => {
    let loaded = '';
    const load = () => {
      const view = controller.edits.view();
      // The map goes idle after every redraw: only a new view is read again.
      const key = view ? view.bounds.map((value) => value.toFixed(5)).join(',') : '';
      if (!view || view.zoom < SNAP_MIN_ZOOM || key === loaded) return;
      loaded = key;
      void editor.loadAround(view.bounds).catch(() => {
        loaded = '';
      });
    };
    load();
    return controller.onIdle(load);
  }, [controller, editor]);

  // The mode of the tool in hand.
  useEffect(() => {
    const store = editor.store;
    const line = () => activeDraft(store.get())?.geometry.coordinates ?? null;
    const zoom = () => controller.edits.view()?.zoom ?? 16;
    const snapTargets = (ignored: string | null) => (): SnapTarget[] =>
      editorNetwork(store.get()).flatMap((draft) => (draft.key === ignored ? [] : [{ key: draft.key, coordinates: draft.geometry.coordinates }]));
    let mode: MapMode | null = null;
    reshape.current = null;
    if (canEdit && tool === 'draw') {
      mode = controller.edits.drawLineMode({ snapTargets: snapTargets(null), snapTolerancePx: TOLERANCE_PX, onDrawn: (coordinates) => editor.drawn(coordinates) });
    } else if (canEdit && hasActive && tool === 'split') {
      mode = createSplitMode({ line, zoom, tolerancePx: TOLERANCE_PX }, (point) => editor.splitAt(point));
    } else if (canEdit && hasActive && tool === 'remove-vertex') {
      mode = createRemoveVertexMode({ line, zoom, tolerancePx: TOLERANCE_PX }, (index) => editor.removeVertexAt(index));
    } else if (canEdit && hasActive && activeKey) {
      const inner = controller.edits.reshapeLineMode({
        coordinates: line() ?? [],
        snapTargets: snapTargets(activeKey),
        snapTolerancePx: TOLERANCE_PX,
        onReshaped: (coordinates, step) => editor.reshaped(coordinates, step),
      });
      reshape.current = inner;
      // A click on another road opens it instead.
      mode = {
        ...inner,
        enter(context) {
          inner.enter(context);
          context.on('click', (event) => {
            const hit = event.featuresHere().find((found) => found.layerId === editor.layerId && `${editor.layerId}/${found.featureId}` !== activeKey);
            if (hit) onSelect(hit);
          });
        },
      };
    }
    expectedMode.current = mode?.id ?? 'browse';
    if (mode) controller.enterMode(mode);
    else controller.exitMode();
  }, [controller, editor, canEdit, tool, activeKey, hasActive, onSelect]);

  // A mode left by itself (Escape on the map) puts the tool down, then closes the segment.
  useEffect(
    () =>
      appState.subscribe(() => {
        if (appState.get().modeId !== 'browse' || expectedMode.current === 'browse') return;
        expectedMode.current = 'browse';
        if (editor.store.get().tool !== 'select') editor.setTool('select');
        else editor.openKey(null);
      }),
    [appState, editor],
  );

  useEffect(() => () => controller.exitMode(), [controller]);
}
