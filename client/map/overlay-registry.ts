import type { GeoJSONSourceSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

/**
 * Overlays: sources and layers an app adds to the map at run time (a selection, a draft geometry, a
 * journey, a measurement, a heat map). The catalog's style is rebuilt on every language change and layer
 * switch; overlays are part of every rebuilt style (composeStyle), so a restyle never drops them.
 */
export interface Overlay {
  /** Unique among overlays; every source and layer id of the overlay starts with `<id>:`. */
  id: string;
  sources: Readonly<Record<string, SourceSpecification>>;
  layers: readonly LayerSpecification[];
  /** Above the catalog's geometry and below its labels (the default), or above everything. */
  placement?: 'below-labels' | 'top';
}

/** What changed: the overlays themselves (the style must be rebuilt), or only one GeoJSON source's data. */
export type OverlayChange = { kind: 'structure' } | { kind: 'data'; sourceId: string; data: GeoJSONSourceSpecification['data'] };

function assertOwnIds(overlay: Overlay): void {
  const prefix = `${overlay.id}:`;
  const foreign = [...Object.keys(overlay.sources), ...overlay.layers.map((layer) => layer.id)].filter((id) => !id.startsWith(prefix));
  if (foreign.length > 0) throw new Error(`overlay ${overlay.id}: ids must start with "${prefix}" (${foreign.join(', ')})`);
}

export class OverlayRegistry {
  readonly #overlays = new Map<string, Overlay>();
  readonly #listeners = new Set<(change: OverlayChange) => void>();

  /** Adds an overlay, or replaces the one with the same id. */
  set(overlay: Overlay): void {
    assertOwnIds(overlay);
    this.#overlays.set(overlay.id, overlay);
    this.#notify({ kind: 'structure' });
  }

  remove(id: string): void {
    if (this.#overlays.delete(id)) this.#notify({ kind: 'structure' });
  }

  has(id: string): boolean {
    return this.#overlays.has(id);
  }

  /**
   * New data for one GeoJSON source of an overlay: kept for the next restyle, and passed on so the map
   * updates that source alone (cheap enough to follow the pointer).
   */
  setData(overlayId: string, sourceId: string, data: GeoJSONSourceSpecification['data']): void {
    const overlay = this.#overlays.get(overlayId);
    const source = overlay?.sources[sourceId];
    if (!overlay || source?.type !== 'geojson') throw new Error(`overlay ${overlayId} has no GeoJSON source ${sourceId}`);
    this.#overlays.set(overlayId, { ...overlay, sources: { ...overlay.sources, [sourceId]: { ...source, data } } });
    this.#notify({ kind: 'data', sourceId, data });
  }

  /** The overlays in the order they were first added. */
  list(): Overlay[] {
    return [...this.#overlays.values()];
  }

  subscribe(listener: (change: OverlayChange) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #notify(change: OverlayChange): void {
    for (const listener of [...this.#listeners]) listener(change);
  }
}

/**
 * The catalog's style with the overlays added: their sources, their 'below-labels' layers before the first
 * symbol layer of the style, their 'top' layers last. Pure: the same inputs give the same style, which is
 * what lets MapLibre's style diff keep overlays untouched across a restyle.
 */
export function composeStyle(base: StyleSpecification, overlays: readonly Overlay[]): StyleSpecification {
  if (overlays.length === 0) return base;
  const sources = { ...base.sources, ...Object.assign({}, ...overlays.map((overlay) => overlay.sources)) };
  const below = overlays.filter((overlay) => overlay.placement !== 'top').flatMap((overlay) => overlay.layers);
  const top = overlays.filter((overlay) => overlay.placement === 'top').flatMap((overlay) => overlay.layers);
  const firstLabel = base.layers.findIndex((layer) => layer.type === 'symbol');
  const split = firstLabel === -1 ? base.layers.length : firstLabel;
  return { ...base, sources, layers: [...base.layers.slice(0, split), ...below, ...base.layers.slice(split), ...top] };
}

/**
 * The next style with the sources and layers of `current` whose ids start with `prefix`, unchanged and on
 * top: layers a library adds to the map itself (terra-draw's, while a line is edited), which a rebuilt style
 * would otherwise drop. Pure.
 */
export function keepLiveLayers(next: StyleSpecification, current: StyleSpecification, prefix: string): StyleSpecification {
  const isLive = (id: string) => id.startsWith(prefix);
  const sources = Object.entries(current.sources).filter(([id]) => isLive(id));
  const layers = current.layers.filter((layer) => isLive(layer.id));
  if (sources.length === 0 && layers.length === 0) return next;
  return { ...next, sources: { ...next.sources, ...Object.fromEntries(sources) }, layers: [...next.layers.filter((layer) => !isLive(layer.id)), ...layers] };
}
