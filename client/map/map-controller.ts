import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { type Language, textDirectionOf } from '../i18n/language.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { buildMapStyle } from '../layers/build-map-style.ts';
import type { LayerCatalog } from '../layers/catalog.ts';
import type { StyleLayerMetadata } from '../layers/layer-style-layers.ts';

/**
 * The one module that touches MapLibre (STYLE.md §7). It creates the map once, owns it for the life of
 * the page, and takes intents from React (language, catalog and visible layers, selection); React never
 * holds the map. The style is rebuilt from the catalog on each intent and MapLibre applies the difference.
 */

export type {
  ExpressionSpecification,
  FontFacesSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';

// maplibre-gl 6 finds its worker through import.meta.url, which bundling breaks: point it at the
// worker file Vite copied into the build, on our own origin (CSP worker-src 'self').
maplibregl.setWorkerUrl(workerUrl);

/** A feature the user clicked, as the details panel needs it. */
export interface FeatureHit {
  /** Catalog layer id (also the vector source and MVT layer name). */
  layerId: string;
  /** MVT feature id: the row id. */
  featureId: string | number | undefined;
  /** Properties carried by the tile (the catalog's `isInTiles` properties). */
  properties: Record<string, unknown>;
}

/** What browser tests reach through `window.__casaSig` (test mode only). */
export interface CasaSigTestHandle {
  /** The map, for queryRenderedFeatures, project, getLayoutProperty... in tests. */
  readonly map: maplibregl.Map | undefined;
  /** Resolves at the next `idle` event: the view is fully loaded and drawn. */
  whenIdle(): Promise<void>;
  isIdle(): boolean;
}

export interface MapControllerOptions {
  /** Origin of the API and tiles (the page's own). */
  origin: string;
  /** Keeps the drawing buffer readable and exposes the test handle. */
  isTestMode: boolean;
  fontFaces: maplibregl.FontFacesSpecification;
}

export interface MapViewState {
  language: Language;
  visibleLayerIds: ReadonlySet<string>;
}

/** Half the side, in CSS pixels, of the box a click searches: a finger or a thin line need some slack. */
const CLICK_TOLERANCE_PX = 5;
/** How far past the catalog's bounds the user may pan, in degrees. */
const BOUNDS_MARGIN_DEGREES = 0.15;

export class MapController {
  readonly #options: MapControllerOptions;
  #map: maplibregl.Map | undefined;
  #catalog: LayerCatalog | undefined;
  #viewKey: string | undefined;
  #view: MapViewState | undefined;
  #selection: { layerId: string; featureId: string | number } | undefined;
  #controls: maplibregl.IControl[] = [];
  readonly #clickHandlers = new Set<(hit: FeatureHit | null) => void>();
  readonly #zoomHandlers = new Set<(zoom: number) => void>();
  readonly #unauthorizedHandlers = new Set<() => void>();
  readonly #created: Promise<maplibregl.Map>;
  #resolveCreated!: (map: maplibregl.Map) => void;

  constructor(options: MapControllerOptions) {
    this.#options = options;
    this.#created = new Promise((resolve) => {
      this.#resolveCreated = resolve;
    });
  }

  /** Creates the map in the container, once; later calls do nothing (React may mount twice). */
  mount(container: HTMLElement, catalog: LayerCatalog, view: MapViewState): void {
    if (this.#map) return;
    this.#catalog = catalog;
    this.#view = view;
    const [west = -180, south = -85, east = 180, north = 85] = catalog.bounds;
    const [longitude = 0, latitude = 0] = catalog.center;
    const map = new maplibregl.Map({
      container,
      style: this.#buildStyle(),
      center: [longitude, latitude],
      zoom: catalog.zoom,
      minZoom: 9,
      maxBounds: [west - BOUNDS_MARGIN_DEGREES, south - BOUNDS_MARGIN_DEGREES, east + BOUNDS_MARGIN_DEGREES, north + BOUNDS_MARGIN_DEGREES],
      attributionControl: false,
      locale: MESSAGES[view.language].mapControls,
      ...(this.#options.isTestMode ? { canvasContextAttributes: { preserveDrawingBuffer: true } } : {}),
    });
    this.#map = map;
    this.#placeControls(view.language);
    map.on('click', (event) => this.#handleClick(event.point));
    map.on('mousemove', (event) => this.#updateCursor(event.point));
    map.on('zoomend', () => this.#zoomHandlers.forEach((handler) => handler(map.getZoom())));
    map.on('error', (event) => this.#handleError(event.error));
    this.#resolveCreated(map);
  }

  setLanguage(language: Language): void {
    if (!this.#view || this.#view.language === language) return;
    this.#view = { ...this.#view, language };
    this.#restyle();
    this.#placeControls(language);
  }

  /**
   * Shows these catalog layers. A new catalog comes with a new `viewKey` (someone signed in or out): every
   * tile URL changes, so the style diff replaces every source and no tile of the previous caller is kept
   * (tile URLs are otherwise the same for everyone while their content depends on who asks).
   */
  setLayers(catalog: LayerCatalog, visibleLayerIds: ReadonlySet<string>, viewKey: string | undefined): void {
    if (!this.#map || !this.#view) return;
    const isNewCatalog = catalog !== this.#catalog;
    if (!isNewCatalog && this.#view.visibleLayerIds === visibleLayerIds) return;
    if (isNewCatalog) this.setSelection(null);
    this.#catalog = catalog;
    this.#viewKey = viewKey;
    this.#view = { ...this.#view, visibleLayerIds };
    this.#restyle();
  }

  /** Highlights one feature (the one in the details panel), or none. */
  setSelection(hit: FeatureHit | null): void {
    const map = this.#map;
    if (!map) return;
    // The source of the previous selection may be gone with the previous catalog.
    if (this.#selection && map.getSource(this.#selection.layerId)) {
      const { layerId, featureId } = this.#selection;
      map.setFeatureState({ source: layerId, sourceLayer: layerId, id: featureId }, { selected: false });
    }
    this.#selection = hit && hit.featureId !== undefined ? { layerId: hit.layerId, featureId: hit.featureId } : undefined;
    if (this.#selection) {
      const { layerId, featureId } = this.#selection;
      map.setFeatureState({ source: layerId, sourceLayer: layerId, id: featureId }, { selected: true });
    }
  }

  /** Calls the handler with the topmost feature under each click, or null for a click on empty map. */
  onFeatureClick(handler: (hit: FeatureHit | null) => void): () => void {
    this.#clickHandlers.add(handler);
    return () => {
      this.#clickHandlers.delete(handler);
    };
  }

  onZoomChange(handler: (zoom: number) => void): () => void {
    this.#zoomHandlers.add(handler);
    return () => {
      this.#zoomHandlers.delete(handler);
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

  getZoom(): number | undefined {
    return this.#map?.getZoom();
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
  createTestHandle(): CasaSigTestHandle {
    const controller = this;
    return {
      get map() {
        return controller.#map;
      },
      whenIdle: () => this.whenIdle(),
      isIdle: () => {
        const map = this.#map;
        return map !== undefined && map.loaded() && map.areTilesLoaded() && !map.isMoving();
      },
    };
  }

  destroy(): void {
    this.#map?.remove();
    this.#map = undefined;
  }

  #buildStyle(): maplibregl.StyleSpecification {
    if (!this.#catalog || !this.#view) throw new Error('MapController: mount() first');
    return buildMapStyle(this.#catalog, {
      origin: this.#options.origin,
      language: this.#view.language,
      visibleLayerIds: this.#view.visibleLayerIds,
      fontFaces: this.#options.fontFaces,
      viewKey: this.#viewKey,
    });
  }

  #restyle(): void {
    this.#map?.setStyle(this.#buildStyle(), { diff: true });
  }

  /** Style layers drawn for catalog layers, from their metadata. */
  #interactiveLayerIds(): string[] {
    const layers = this.#map?.getStyle()?.layers ?? [];
    return layers
      .filter((layer) => (layer.metadata as Partial<StyleLayerMetadata> | undefined)?.['casa-sig:layer'] !== undefined)
      .filter((layer) => layer.layout?.visibility !== 'none')
      .map((layer) => layer.id);
  }

  #featuresAt(point: maplibregl.Point): maplibregl.MapGeoJSONFeature[] {
    const map = this.#map;
    if (!map) return [];
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - CLICK_TOLERANCE_PX, point.y - CLICK_TOLERANCE_PX],
      [point.x + CLICK_TOLERANCE_PX, point.y + CLICK_TOLERANCE_PX],
    ];
    return map.queryRenderedFeatures(box, { layers: this.#interactiveLayerIds() });
  }

  #handleClick(point: maplibregl.Point): void {
    // Features come topmost first: a stop above a road above an area.
    const [feature] = this.#featuresAt(point);
    const metadata = feature?.layer.metadata as Partial<StyleLayerMetadata> | undefined;
    const layerId = metadata?.['casa-sig:layer'];
    const hit: FeatureHit | null =
      feature && layerId ? { layerId, featureId: feature.id, properties: { ...feature.properties } } : null;
    this.#clickHandlers.forEach((handler) => handler(hit));
  }

  /**
   * MapLibre's error events. A refused tile (401/403, an AJAXError carrying the HTTP status) ends the
   * session; everything else is logged as MapLibre logs it when nobody listens.
   */
  #handleError(error: unknown): void {
    const status = (error as { status?: unknown } | null)?.status;
    if ((status === 401 || status === 403) && this.#unauthorizedHandlers.size > 0) {
      this.#unauthorizedHandlers.forEach((handler) => handler());
      return;
    }
    console.error(error);
  }

  #updateCursor(point: maplibregl.Point): void {
    const map = this.#map;
    if (!map) return;
    map.getCanvas().style.cursor = this.#featuresAt(point).length > 0 ? 'pointer' : '';
  }

  /**
   * Puts the controls on the side the reading direction calls for (zoom buttons at the end of the line,
   * scale at its start), labelled in the language. MapLibre reads its UI strings when a control is added,
   * so the controls are added again after the locale table is patched.
   */
  #placeControls(language: Language): void {
    const map = this.#map;
    if (!map) return;
    const direction = textDirectionOf(language);
    const strings = MESSAGES[language].mapControls;
    Object.assign(map._locale, strings);
    if (strings['Map.Title']) map.getCanvas().setAttribute('aria-label', strings['Map.Title']);
    this.#controls.forEach((control) => map.removeControl(control));
    const [start, end]: maplibregl.ControlPosition[] = direction === 'rtl' ? ['bottom-right', 'bottom-left'] : ['bottom-left', 'bottom-right'];
    const navigation = new maplibregl.NavigationControl({ visualizePitch: false });
    const scale = new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 });
    const attribution = new maplibregl.AttributionControl({ compact: true, customAttribution: MESSAGES[language].mapAttribution });
    map.addControl(attribution, end);
    map.addControl(navigation, end);
    map.addControl(scale, start);
    this.#controls = [attribution, navigation, scale];
  }
}
