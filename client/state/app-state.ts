import type { Language } from '../i18n/language.ts';
import { createStore, type Store } from './create-store.ts';
import type { FeatureReference, MapPosition } from './url-state.ts';

/** The map's modes (map/mode-host.ts owns their behaviour; the state only says which one is active). */
export type ModeId = 'browse' | 'select' | 'draw' | 'modify' | 'split' | 'measure' | 'pick-place';

/** The feature the user opened: by reference (from the URL), with what its tile carried when it was clicked. */
export interface Selection extends FeatureReference {
  /** The tile's properties, shown at once while the full feature loads; absent when opened from a link. */
  tileProperties?: Record<string, unknown>;
}

/**
 * What the shell, the apps and the map controller share. The map controller applies it to the map and
 * writes the position back; the URL binding (app/url-binding.ts) mirrors position, language and selection
 * in the address bar.
 */
export interface AppState {
  language: Language;
  /** The map's centre and zoom; null until the map has a view (then it fits the city). */
  position: MapPosition | null;
  /** Catalog layers drawn; null until the first catalog arrives (its defaults are then taken). */
  visibleLayerIds: ReadonlySet<string> | null;
  /**
   * The layer families the current app works with (the transit map: mobility; the editor: street heritage),
   * or null for all of them: only their layers are listed, and drawn by default.
   */
  layerFamilies: readonly string[] | null;
  selection: Selection | null;
  modeId: ModeId;
}

export type AppStateStore = Store<AppState>;

export function createAppState(initial: Pick<AppState, 'language' | 'position' | 'selection'>): AppStateStore {
  return createStore<AppState>({ ...initial, visibleLayerIds: null, layerFamilies: null, modeId: 'browse' });
}
