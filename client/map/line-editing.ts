import type { Position } from 'geojson';
import type { MapMode } from './mode-host.ts';
import type { Snap, SnapTarget } from './snap-to-lines.ts';

/**
 * The shapes the line-editing modes speak (map/line-editor.ts implements them with terra-draw, loaded only
 * when an editor first needs it, so the public map never downloads it).
 */

/** What both modes need from the app. */
export interface LineEditingOptions {
  /** The lines to snap to, asked for at each pointer move (the app leaves out the line being edited). */
  snapTargets(): readonly SnapTarget[];
  /** How near, in CSS pixels, the pointer must come for a snap. */
  snapTolerancePx: number;
}

/** One step of reshaping: which vertex moved (and onto what it snapped), was added or was removed. */
export type ReshapeStep =
  | { kind: 'move'; index: number; snap: Snap | null }
  | { kind: 'insert'; index: number }
  | { kind: 'delete'; index: number };

/** The reshaping mode, which the app also tells of the line's shape after an undo or a change it made. */
export interface ReshapeMode extends MapMode {
  setCoordinates(coordinates: readonly Position[]): void;
}

/** The prefix of terra-draw's sources and layers; the map controller keeps them across restyles. */
export const LINE_EDITOR_PREFIX = 'line-editor';
