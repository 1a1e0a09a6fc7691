import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Position } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { LINE_EDITOR_PREFIX, type LineEditingOptions, type ReshapeMode, type ReshapeStep } from './line-editing.ts';
import type { LineEditor } from './line-editor.ts';
import type { MapMode } from './mode-host.ts';
import { keepLiveLayers, type OverlayRegistry } from './overlay-registry.ts';
import type { PublicArchive } from '../api/public-archive.ts';
import { ARCHIVE_SOURCE_ID } from './style/tile-sources.ts';
import { type Bbox, TileRevisions } from './tile-revisions.ts';

/**
 * What the map controller offers editors (`controller.edits`): modes that draw and reshape lines with
 * snapping, hiding the tile features an editor draws itself, and fresh tiles for the places an edit changed,
 * on this map and, through the tile-changes stream, on every other open map.
 */
export class MapEdits {
  readonly #map: () => maplibregl.Map | undefined;
  readonly #overlays: OverlayRegistry;
  readonly #revisions = new TileRevisions();
  /** Features drawn by an app instead of their tiles (a road being edited), by layer. */
  readonly #hidden = new Map<string, ReadonlySet<number>>();
  #lineEditor: Promise<LineEditor> | undefined;
  /** Layers edited since the page opened that the public archive draws: drawn from live tiles from then on. */
  readonly #editedArchivedLayers = new Set<string>();
  readonly #onArchivedLayerEdited: () => void;

  /** `onArchivedLayerEdited`: the map must be restyled (a layer leaves the archive for live tiles). */
  constructor(map: () => maplibregl.Map | undefined, overlays: OverlayRegistry, onArchivedLayerEdited: () => void = () => undefined) {
    this.#map = map;
    this.#overlays = overlays;
    this.#onArchivedLayerEdited = onArchivedLayerEdited;
  }

  /**
   * These places of a layer changed (an edit saved here or heard from the server): their tiles are asked for
   * again under a new URL, at every zoom, including the overzoomed slices MapLibre keeps by URL.
   */
  refreshPlaces(layerId: string, bboxes: readonly Bbox[]): void {
    this.#revisions.noteChange(layerId, bboxes);
    const map = this.#map();
    if (map?.getSource(layerId)) map.refreshTiles(layerId);
    // The public archive is a snapshot: a layer edited since it was built is drawn from live tiles instead.
    const isArchived = map?.getStyle()?.layers.some((layer) => 'source' in layer && layer.source === ARCHIVE_SOURCE_ID && layer['source-layer'] === layerId);
    if (isArchived && !this.#editedArchivedLayers.has(layerId)) {
      this.#editedArchivedLayers.add(layerId);
      this.#onArchivedLayerEdited();
    }
  }

  /** The public archive without the layers edited since the page opened (those are drawn from live tiles). */
  archiveOfUnedited(archive: PublicArchive | null): PublicArchive | null {
    if (!archive || this.#editedArchivedLayers.size === 0) return archive;
    return { ...archive, layers: archive.layers.filter((layer) => !this.#editedArchivedLayers.has(layer)) };
  }

  /** Every tile of every vector source again (edits may have gone unheard). */
  refreshAllTiles(): void {
    this.#revisions.noteEverything();
    const map = this.#map();
    for (const [id, source] of Object.entries(map?.getStyle()?.sources ?? {})) if (source.type === 'vector') map!.refreshTiles(id);
  }

  /** Hides these features of a layer (feature state `hidden`); [] shows them all again. */
  hideFeatures(layerId: string, featureIds: readonly number[]): void {
    const map = this.#map();
    const previous = this.#hidden.get(layerId) ?? new Set<number>();
    const next = new Set(featureIds);
    this.#hidden.set(layerId, next);
    if (!map?.getSource(layerId)) return;
    for (const id of previous) if (!next.has(id)) map.setFeatureState({ source: layerId, sourceLayer: layerId, id }, { hidden: false });
    for (const id of next) map.setFeatureState({ source: layerId, sourceLayer: layerId, id }, { hidden: true });
  }

  /**
   * Loads the line editor (terra-draw) ahead of need: once it is there, the drawing and reshaping modes start
   * as soon as they are entered, and the first click of a drawing is never lost.
   */
  prepare(): Promise<void> {
    return this.#editor().then(() => undefined);
  }

  /** A mode drawing a new line with snapping (map/line-editor.ts); `onDrawn` receives the finished line. */
  drawLineMode(options: LineEditingOptions & { onDrawn(coordinates: Position[]): void }): MapMode {
    return this.#deferred('draw', (editor) => editor.drawMode(options));
  }

  /** A mode reshaping a line with snapping (map/line-editor.ts); each step goes to `onReshaped`. */
  reshapeLineMode(options: LineEditingOptions & { coordinates: readonly Position[]; onReshaped(coordinates: Position[], step: ReshapeStep): void }): ReshapeMode {
    let coordinates = options.coordinates;
    let inner: ReshapeMode | undefined;
    const mode = this.#deferred('modify', (editor) => {
      inner = editor.reshapeMode({ ...options, coordinates });
      return inner;
    });
    return {
      ...mode,
      setCoordinates: (next) => {
        coordinates = next;
        inner?.setCoordinates(next);
      },
    };
  }

  /** What the map shows: [west, south, east, north] in degrees and the zoom, or null before the map exists. */
  view(): { bounds: Bbox; zoom: number } | null {
    const map = this.#map();
    if (!map) return null;
    const bounds = map.getBounds();
    return { bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom: map.getZoom() };
  }

  /**
   * Shows an area ([west, south, east, north] in degrees) in the part of the map that panels floating over it
   * leave free (the open segment's card, the toolbar, the conflict screen): each panel pads the side where it
   * costs least (a bottom sheet on a phone, a card at the side on a desktop). Panels come most important
   * first: one that would leave no room beside the ones before it is ignored.
   */
  fitBeside(bounds: Bbox, panels: readonly (Element | null)[]): void {
    const map = this.#map();
    if (!map) return;
    const margin = 24;
    const leastRoom = 80;
    const canvas = map.getCanvas().getBoundingClientRect();
    let padding = { top: margin, bottom: margin, left: margin, right: margin };
    for (const panel of panels) {
      const box = panel?.getBoundingClientRect();
      if (!box || box.width === 0) continue;
      const touching = 40;
      const sides = [
        { side: 'left' as const, isTouching: box.left - canvas.left < touching, pad: box.right - canvas.left + margin, room: canvas.width },
        { side: 'right' as const, isTouching: canvas.right - box.right < touching, pad: canvas.right - box.left + margin, room: canvas.width },
        { side: 'top' as const, isTouching: box.top - canvas.top < touching, pad: box.bottom - canvas.top + margin, room: canvas.height },
        { side: 'bottom' as const, isTouching: canvas.bottom - box.bottom < touching, pad: canvas.bottom - box.top + margin, room: canvas.height },
      ].filter((candidate) => candidate.isTouching);
      const cheapest = sides.sort((a, b) => a.pad / a.room - b.pad / b.room)[0];
      if (!cheapest) continue;
      const next = { ...padding, [cheapest.side]: Math.max(padding[cheapest.side], cheapest.pad) };
      if (canvas.width - next.left - next.right > leastRoom && canvas.height - next.top - next.bottom > leastRoom) padding = next;
    }
    map.fitBounds([bounds[0], bounds[1], bounds[2], bounds[3]], { padding, maxZoom: 19 });
  }

  /** The URL of a tile request, with the revision of the tile when an edit changed it (transformRequest). */
  tileUrl(url: string): string {
    return this.#revisions.versionedUrl(url);
  }

  /** The next style with the line editor's layers of the current one (an edit in progress survives a restyle). */
  withLiveLayers(next: StyleSpecification, current: StyleSpecification | undefined): StyleSpecification {
    return current ? keepLiveLayers(next, current, LINE_EDITOR_PREFIX) : next;
  }

  /** Feature states go with a replaced source: hidden features are hidden again. */
  restoreFeatureStates(): void {
    for (const [layerId, ids] of this.#hidden) this.hideFeatures(layerId, [...ids]);
  }

  /**
   * A mode whose work is done by the line editor, which is loaded (with terra-draw) the first time a mode
   * needs it: the mode starts once it is there, unless it was left meanwhile.
   */
  #deferred(id: MapMode['id'], make: (editor: LineEditor) => MapMode): MapMode {
    let inner: MapMode | undefined;
    let entry = 0;
    return {
      id,
      enter: (context) => {
        entry += 1;
        const current = entry;
        void this.#editor().then((editor) => {
          if (current !== entry) return;
          inner = make(editor);
          inner.enter(context);
        });
      },
      exit: () => {
        entry += 1;
        inner?.exit?.();
        inner = undefined;
      },
    };
  }

  #editor(): Promise<LineEditor> {
    const map = this.#map();
    if (!map) return Promise.reject(new Error('MapEdits: there is no map to edit on yet'));
    this.#lineEditor ??= import('./line-editor.ts').then((module) => new module.LineEditor(map, this.#overlays));
    return this.#lineEditor;
  }
}
