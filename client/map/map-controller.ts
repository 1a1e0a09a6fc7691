import type { ExpressionSpecification, FontFacesSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import type { PublicArchive } from '../api/public-archive.ts';
import type { AppState, AppStateStore } from '../state/app-state.ts';
import type { CatalogStore } from '../state/catalog-store.ts';
import type { PublicArchiveStore } from '../state/public-archive-store.ts';
import { defaultVisibleLayerIds } from '../state/reconcile-visible-layers.ts';
import type { MapPosition } from '../state/url-state.ts';
import { createBrowseMode } from './browse-mode.ts';
import type { FeatureHit, LngLat } from './feature-hit.ts';
import { placeMapControls } from './map-controls.ts';
import { MapEdits } from './map-edits.ts';
import { createMapEventSource } from './maplibre-events.ts';
import { registerPublicArchiveProtocol } from './public-archive-protocol.ts';
import { type MapMode, ModeHost } from './mode-host.ts';
import { composeStyle, OverlayRegistry } from './overlay-registry.ts';
import { buildMapStyle } from './style/build-map-style.ts';
import { applyLayerFilters } from './style/layer-filters.ts';
import type { StyleLayerMetadata } from './style/layer-style-layers.ts';

/**
 * The one module that owns MapLibre (STYLE.md §7). It creates the map once and keeps it for the life of the
 * page, whichever app is shown: the map lives in an element of its own that each app's <MapView/> hosts.
 * React never holds the map. The controller applies the shared state (language, visible layers, selection,
 * position) to the map and writes the position and the mode back; apps talk to it by intent: modes
 * (enterMode/exitMode), overlays, fitting a place.
 */

// maplibre-gl 6 finds its worker through import.meta.url, which bundling breaks: point it at the
// worker file Vite copied into the build, on our own origin (CSP worker-src 'self').
maplibregl.setWorkerUrl(workerUrl);
registerPublicArchiveProtocol();

/** What browser tests reach through `window.__casaSig` (test mode only). */
export interface CasaSigTestHandle {
  /** The map, for queryRenderedFeatures, project, getLayoutProperty... in tests. */
  readonly map: maplibregl.Map | undefined;
  /** Resolves at the next `idle` event: the view is fully loaded and drawn. */
  whenIdle(): Promise<void>;
  isIdle(): boolean;
  /** Ids of the overlays currently registered by apps. */
  overlayIds(): string[];
  /** Whether the map hears other people's edits (the tile-changes stream is open). */
  isHearingEdits(): boolean;
}

export interface MapControllerOptions {
  /** Origin of the API and tiles (the page's own). */
  origin: string;
  /** Keeps the drawing buffer readable and exposes the test handle. */
  isTestMode: boolean;
  fontFaces: FontFacesSpecification;
  /** URL of the basemap's land (built into the client's assets). */
  landUrl: string;
  state: AppStateStore;
  catalog: CatalogStore;
  /** The public tile archive the public's map is drawn from (none for staff); the map waits until it is known. */
  publicArchive: PublicArchiveStore;
}

/** Half the side, in CSS pixels, of the box a click searches: a finger or a thin line need some slack. */
const CLICK_TOLERANCE_PX = 5;
/** How far past the catalog's bounds the user may pan, in degrees. */
const BOUNDS_MARGIN_DEGREES = 0.15;
/** Around the city when the map opens, and around a feature the map flies to, in CSS pixels. */
const FIT_PADDING_PX = 24;
/** Below this width-to-height ratio the map is portrait (a phone held upright). */
const PORTRAIT_RATIO = 0.8;
/** The share of the city's width a portrait screen shows when the map opens. */
const PORTRAIT_WIDTH_SHOWN = 0.55;
/** The closest the map zooms when it fits a single small feature. */
const FIT_MAX_ZOOM = 17;

export class MapController {
  readonly overlays = new OverlayRegistry();
  /** Editing on the map: line drawing and reshaping modes, hidden features, fresh tiles after an edit. */
  readonly edits = new MapEdits(() => this.#map, this.overlays, () => this.#restyle());
  readonly #options: MapControllerOptions;
  readonly #element: HTMLDivElement;
  #map: maplibregl.Map | undefined;
  #modes: ModeHost | undefined;
  #catalog: { catalog: LayerCatalog; viewKey: string | undefined } | undefined;
  #applied: AppState | undefined;
  #controls: maplibregl.IControl[] = [];
  #selectedFeature: { sources: string[]; layerId: string; id: number | string } | undefined;
  #isRestylePending = false;
  /** Whether the map's first style has loaded (after which MapLibre diffs every new one). */
  #hasStyle = false;
  readonly #unauthorizedHandlers = new Set<() => void>();
  readonly #layerFilters = new Map<string, ExpressionSpecification>();
  #tileRefreshCount = 0;
  readonly #created: Promise<maplibregl.Map>;
  #firstDrawn: Promise<void> | undefined;
  #resolveCreated!: (map: maplibregl.Map) => void;

  constructor(options: MapControllerOptions) {
    this.#options = options;
    this.#element = document.createElement('div');
    this.#element.className = 'map-view__canvas';
    this.#created = new Promise((resolve) => {
      this.#resolveCreated = resolve;
    });
    options.catalog.subscribe(() => this.#takeCatalog());
    options.publicArchive.subscribe(() => (this.#map ? this.#restyle() : this.#createMapWhenReady()));
    options.state.subscribe(() => this.#applyState());
    this.overlays.subscribe((change) => {
      if (change.kind === 'structure') this.#restyle();
      else (this.#map?.getSource(change.sourceId) as maplibregl.GeoJSONSource | undefined)?.setData(change.data);
    });
    this.#takeCatalog();
  }

  /** Puts the map into this element (an app's <MapView/>), creating it the first time. */
  attach(slot: HTMLElement): void {
    if (this.#element.parentElement !== slot) slot.appendChild(this.#element);
    this.#createMapWhenReady();
    this.#map?.resize();
  }

  /** Takes the map out of this element, if it is still there (another app may have taken it already). */
  detach(slot: HTMLElement): void {
    if (this.#element.parentElement === slot) slot.removeChild(this.#element);
  }

  /** Hands the map's clicks, pointer and keys to a mode until it is left (map/mode-host.ts). */
  enterMode(mode: MapMode): void {
    this.#modes?.enterMode(mode);
  }

  /** Back to browsing. */
  exitMode(): void {
    this.#modes?.exitMode();
  }

  /**
   * Shows this area ([west, south, east, north] in degrees), no closer than a street; `padding` (CSS pixels)
   * keeps room around it for markers drawn at its edges.
   */
  fitBounds(bounds: readonly number[], options: { animate?: boolean; padding?: number } = {}): void {
    const [west, south, east, north] = bounds;
    if ([west, south, east, north].some((value) => value === undefined || !Number.isFinite(value))) return;
    this.#map?.fitBounds([west!, south!, east!, north!], { padding: options.padding ?? FIT_PADDING_PX, maxZoom: FIT_MAX_ZOOM, animate: options.animate ?? true });
  }

  /** The centre of the view (what picking a place from the keyboard chooses); null before the map exists. */
  center(): LngLat | null {
    const center = this.#map?.getCenter();
    return center ? { lng: center.lng, lat: center.lat } : null;
  }

  /** Gives the keyboard focus to the map: the arrows move it, and the current mode hears the keys. */
  focus(): void {
    this.#map?.getCanvas().focus();
  }

  /**
   * Draws only the features of a catalog layer that this expression keeps (over the properties its tiles
   * carry), or all of them again with null; kept across restyles until changed.
   */
  setLayerFilter(layerId: string, filter: ExpressionSpecification | null): void {
    const current = this.#layerFilters.get(layerId);
    if (filter === null ? current === undefined : JSON.stringify(filter) === JSON.stringify(current)) return;
    if (filter === null) this.#layerFilters.delete(layerId);
    else this.#layerFilters.set(layerId, filter);
    this.#restyle();
  }

  /**
   * Asks the server again for the tiles of these catalog layers (after a write the map must show at once:
   * an establishment's new grade). Tiles are revalidated with their ETags, so unchanged ones cost little.
   */
  reloadLayerTiles(layerIds: readonly string[]): void {
    const map = this.#map;
    if (!map) return;
    // A new URL: MapLibre's worker keeps overzoomed slices of a tile by URL, whatever the server says now.
    this.#tileRefreshCount += 1;
    for (const layerId of layerIds) {
      const source = map.getSource(layerId) as maplibregl.VectorTileSource | undefined;
      if (source?.type !== 'vector' || !source.tiles) continue;
      const fresh = (url: string) => {
        const base = url.replace(/[?&]refresh=\d+$/, '');
        return `${base}${base.includes('?') ? '&' : '?'}refresh=${this.#tileRefreshCount}`;
      };
      source.setTiles(source.tiles.map(fresh));
    }
  }

  /** Moves the map to this place (degrees), at this zoom or closer when it is already closer. */
  flyTo(center: readonly [number, number], minZoom: number): void {
    const map = this.#map;
    if (!map) return;
    map.flyTo({ center: [center[0], center[1]], zoom: Math.max(map.getZoom(), minZoom), essential: true });
  }

  /** The view's bounds, [west, south, east, north] in degrees, or null before the map exists. */
  viewBounds(): [number, number, number, number] | null {
    const bounds = this.#map?.getBounds();
    return bounds ? [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()] : null;
  }

  /** Brings this area into view when it is not already entirely in it (a feature opened from a link). */
  reveal(bounds: readonly number[]): void {
    const map = this.#map;
    const [west, south, east, north] = bounds;
    if (!map || [west, south, east, north].some((value) => value === undefined)) return;
    const view = map.getBounds();
    const isInView = view.contains([west!, south!]) && view.contains([east!, north!]);
    if (!isInView) this.fitBounds(bounds);
  }

  /** The catalog features drawn in the current view, each once, topmost layer first. */
  featuresInView(): FeatureHit[] {
    const map = this.#map;
    if (!map) return [];
    const seen = new Set<string>();
    const hits: FeatureHit[] = [];
    for (const feature of map.queryRenderedFeatures(undefined, { layers: this.#interactiveLayerIds() })) {
      const hit = toHit(feature);
      const key = `${hit?.layerId}/${hit?.featureId}`;
      if (!hit || hit.featureId === undefined || seen.has(key)) continue;
      seen.add(key);
      hits.push(hit);
    }
    return hits;
  }

  /** Calls the handler each time the map has finished drawing a view (after a move, a restyle, new tiles). */
  onIdle(handler: () => void): () => void {
    let map: maplibregl.Map | undefined;
    let isStopped = false;
    void this.#created.then((created) => {
      if (isStopped) return;
      map = created;
      map.on('idle', handler);
    });
    return () => {
      isStopped = true;
      map?.off('idle', handler);
    };
  }

  /**
   * Calls the handler when a tile request is refused with 401 or 403: the staff session the map was
   * drawn for has ended on the server (expired, revoked).
   */
  onUnauthorized(handler: () => void): () => void {
    this.#unauthorizedHandlers.add(handler);
    return () => {
      this.#unauthorizedHandlers.delete(handler);
    };
  }

  /**
   * Resolves once the map has drawn its first view completely: what can wait (a legend's list of features)
   * waits for it, so the first tiles never queue behind it.
   */
  whenFirstDrawn(): Promise<void> {
    this.#firstDrawn ??= this.#created.then((map) => new Promise<void>((resolve) => (map.loaded() && map.areTilesLoaded() ? resolve() : map.once('idle', () => resolve()))));
    return this.#firstDrawn;
  }

  /** Resolves once the map exists and has drawn everything it needs for the current view. */
  async whenIdle(): Promise<void> {
    const map = await this.#created;
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
  }

  /** A read-only handle for browser tests (exposed on window only in test mode, by main.tsx). */
  createTestHandle(isHearingEdits: () => boolean = () => false): CasaSigTestHandle {
    const controller = this;
    return {
      get map() {
        return controller.#map;
      },
      whenIdle: () => this.whenIdle(),
      isIdle: () => {
        const map = this.#map;
        return Boolean(map?.loaded() && map.areTilesLoaded() && !map.isMoving());
      },
      overlayIds: () => this.overlays.list().map((overlay) => overlay.id),
      isHearingEdits,
    };
  }

  #takeCatalog(): void {
    const state = this.#options.catalog.get();
    if (state.status !== 'ready' || this.#catalog?.catalog === state.catalog) return;
    // A new caller (sign-in, sign-out) gets new tile URLs: MapLibre keeps overzoomed tiles by URL.
    this.#catalog = { catalog: state.catalog, viewKey: state.generation === 0 ? undefined : String(state.generation) };
    if (this.#map) this.#restyle();
    else this.#createMapWhenReady();
  }

  #createMapWhenReady(): void {
    const catalog = this.#catalog?.catalog;
    if (this.#map || !catalog || !this.#element.isConnected || this.#options.publicArchive.get().status === 'pending') return;
    const state = this.#options.state.get();
    const [west = -180, south = -85, east = 180, north = 85] = catalog.bounds;
    const map = new maplibregl.Map({
      container: this.#element,
      style: this.#buildStyle(state),
      ...viewOptions(state.position, catalog, this.#element),
      minZoom: 9,
      maxBounds: [west - BOUNDS_MARGIN_DEGREES, south - BOUNDS_MARGIN_DEGREES, east + BOUNDS_MARGIN_DEGREES, north + BOUNDS_MARGIN_DEGREES],
      attributionControl: false,
      transformRequest: (url, kind) => (kind === 'Tile' ? { url: this.edits.tileUrl(url) } : undefined),
      ...(this.#options.isTestMode ? { canvasContextAttributes: { preserveDrawingBuffer: true } } : {}),
    });
    this.#map = map;
    this.#applied = state;
    this.#controls = placeMapControls(map, this.#controls, state.language);
    this.#modes = new ModeHost(createMapEventSource(map, (point) => this.#featuresAt(point)), createBrowseMode((hit) => this.#open(hit)), (modeId) =>
      this.#options.state.update((current) => ({ ...current, modeId })),
    );
    map.once('style.load', () => {
      this.#hasStyle = true;
    });
    map.on('moveend', () => this.#writePosition());
    map.on('error', (event) => this.#handleError(event.error));
    map.once('load', () => {
      this.#writePosition();
      this.#showSelection(this.#options.state.get());
      this.edits.restoreFeatureStates();
    });
    this.#resolveCreated(map);
  }

  #applyState(): void {
    const map = this.#map;
    const previous = this.#applied;
    const state = this.#options.state.get();
    if (!map || !previous || previous === state) return;
    this.#applied = state;
    if (state.language !== previous.language || state.visibleLayerIds !== previous.visibleLayerIds) this.#restyle();
    if (state.language !== previous.language) this.#controls = placeMapControls(map, this.#controls, state.language);
    if (state.selection !== previous.selection) this.#showSelection(state);
    if (state.position && state.position !== previous.position && !isCurrentPosition(map, state.position)) {
      map.jumpTo({ center: [state.position.longitude, state.position.latitude], zoom: state.position.zoom });
    }
  }

  #buildStyle(state: AppState): StyleSpecification {
    const catalog = this.#catalog;
    if (!catalog) throw new Error('MapController: no catalog yet');
    const base = buildMapStyle(catalog.catalog, {
      origin: this.#options.origin,
      language: state.language,
      visibleLayerIds: state.visibleLayerIds ?? defaultVisibleLayerIds(catalog.catalog, state.layerFamilies),
      fontFaces: this.#options.fontFaces,
      landUrl: this.#options.landUrl,
      viewKey: catalog.viewKey,
      archive: this.edits.archiveOfUnedited(archiveOf(this.#options.publicArchive)),
    });
    return composeStyle(applyLayerFilters(base, this.#layerFilters), this.overlays.list());
  }

  #restyle(): void {
    const map = this.#map;
    if (!map) return;
    // MapLibre diffs only a loaded style (it would rebuild everything otherwise): a change that comes while
    // the first style loads is applied once it has. (isStyleLoaded() would not do: it is also false while
    // tiles load, and 'style.load' fires once.)
    if (!this.#hasStyle) {
      if (!this.#isRestylePending) {
        this.#isRestylePending = true;
        map.once('style.load', () => {
          this.#isRestylePending = false;
          this.#restyle();
        });
      }
      return;
    }
    map.setStyle(this.edits.withLiveLayers(this.#buildStyle(this.#options.state.get()), map.getStyle()), { diff: true });
    // A new catalog replaces the sources, and their feature states with them.
    this.#selectedFeature = undefined;
    this.#showSelection(this.#options.state.get());
    this.edits.restoreFeatureStates();
  }

  #open(hit: FeatureHit | null): void {
    const selection = hit && hit.featureId !== undefined ? { layerId: hit.layerId, featureId: String(hit.featureId), tileProperties: hit.properties } : null;
    this.#options.state.update((current) => ({ ...current, selection }));
  }

  /** Highlights the selected feature (feature state `selected`, which the style layers read). */
  #showSelection(state: AppState): void {
    const map = this.#map;
    if (!map) return;
    const previous = this.#selectedFeature;
    for (const source of previous?.sources ?? []) {
      if (map.getSource(source)) map.setFeatureState({ source, sourceLayer: previous!.layerId, id: previous!.id }, { selected: false });
    }
    this.#selectedFeature = undefined;
    const selection = state.selection;
    if (!selection) return;
    const id = /^\d+$/.test(selection.featureId) ? Number(selection.featureId) : selection.featureId;
    // Live tiles, the archive, or both (each drawing some zooms) may draw the layer.
    const sources = this.#sourcesOf(selection.layerId);
    for (const source of sources) map.setFeatureState({ source, sourceLayer: selection.layerId, id }, { selected: true });
    if (sources.length > 0) this.#selectedFeature = { sources, layerId: selection.layerId, id };
  }

  #writePosition(): void {
    const map = this.#map;
    if (!map) return;
    const center = map.getCenter();
    const position: MapPosition = { zoom: map.getZoom(), latitude: center.lat, longitude: center.lng };
    this.#options.state.update((current) => {
      const next = { ...current, position };
      this.#applied = next;
      return next;
    });
  }

  /** The sources whose tiles draw a catalog layer's own MVT layer (its live source, the archive's, or both). */
  #sourcesOf(layerId: string): string[] {
    const layers = this.#map?.getStyle()?.layers ?? [];
    const sources = layers.flatMap((layer) =>
      (layer.metadata as Partial<StyleLayerMetadata> | undefined)?.['casa-sig:layer'] === layerId && 'source-layer' in layer && layer['source-layer'] === layerId ? [layer.source] : [],
    );
    return [...new Set(sources)];
  }

  /** Style layers drawn for catalog layers, from their metadata. */
  #interactiveLayerIds(): string[] {
    const layers = this.#map?.getStyle()?.layers ?? [];
    return layers
      .filter((layer) => (layer.metadata as Partial<StyleLayerMetadata> | undefined)?.['casa-sig:layer'] !== undefined)
      .filter((layer) => layer.layout?.visibility !== 'none')
      .map((layer) => layer.id);
  }

  /** Catalog features under a point, topmost first: a stop above a road above an area. */
  #featuresAt(point: maplibregl.Point): FeatureHit[] {
    const map = this.#map;
    if (!map) return [];
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - CLICK_TOLERANCE_PX, point.y - CLICK_TOLERANCE_PX],
      [point.x + CLICK_TOLERANCE_PX, point.y + CLICK_TOLERANCE_PX],
    ];
    return map.queryRenderedFeatures(box, { layers: this.#interactiveLayerIds() }).flatMap((feature) => toHit(feature) ?? []);
  }

  /**
   * MapLibre's error events. A refused tile (401/403, an AJAXError carrying the HTTP status) ends the
   * session; everything else is logged as MapLibre logs it when nobody listens.
   */
  #handleError(error: unknown): void {
    const status = (error as { status?: unknown } | null)?.status;
    if ((status === 401 || status === 403) && this.#unauthorizedHandlers.size > 0) {
      for (const handler of this.#unauthorizedHandlers) handler();
      return;
    }
    console.error(error);
  }
}

/** The archive the map draws from, once known (never while pending: the map is not created then). */
function archiveOf(store: PublicArchiveStore): PublicArchive | null {
  const state = store.get();
  return state.status === 'settled' ? state.archive : null;
}

function toHit(feature: maplibregl.MapGeoJSONFeature): FeatureHit | null {
  const layerId = (feature.layer.metadata as Partial<StyleLayerMetadata> | undefined)?.['casa-sig:layer'];
  return layerId ? { layerId, featureId: feature.id, properties: { ...feature.properties } } : null;
}

/**
 * The map's first view: the position from the URL, else the city fitted to the screen. Casablanca is about
 * twice as wide as it is tall: on a portrait phone the whole width would leave the city a strip between sea
 * and fields, so there the central part of the city fills the screen instead (panning shows the rest).
 */
function viewOptions(position: MapPosition | null, catalog: LayerCatalog, element: HTMLElement): Partial<maplibregl.MapOptions> {
  if (position) return { center: [position.longitude, position.latitude], zoom: position.zoom };
  const [west = 0, south = 0, east = 0, north = 0] = catalog.home;
  const isPortrait = element.clientWidth < element.clientHeight * PORTRAIT_RATIO;
  const trim = isPortrait ? ((east - west) * (1 - PORTRAIT_WIDTH_SHOWN)) / 2 : 0;
  return { bounds: [west + trim, south, east - trim, north], fitBoundsOptions: { padding: FIT_PADDING_PX } };
}

/** Whether the map already shows this position (the URL written from the map's own last move). */
function isCurrentPosition(map: maplibregl.Map, position: MapPosition): boolean {
  const center = map.getCenter();
  return Math.abs(map.getZoom() - position.zoom) < 0.01 && Math.abs(center.lat - position.latitude) < 1e-5 && Math.abs(center.lng - position.longitude) < 1e-5;
}
