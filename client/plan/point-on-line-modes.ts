import type { Position } from 'geojson';
import type { MapMode, ModeId } from '../map/mode-host.ts';
import { interpolate, nearestOnSegment, worldPixels } from '../map/snap-to-lines.ts';
import type { SplitPoint } from './operations/split-segment.ts';

/**
 * Map modes that act on a point of the open segment: cutting it there, or removing the vertex there. A click
 * counts when it lands within the tolerance of the line (or of a vertex); distances are in screen pixels
 * at the current zoom. Escape leaves the mode.
 */
export interface PointOnLineOptions {
  /** The open segment's line, as the session has it now. */
  line(): readonly Position[] | null;
  zoom(): number;
  tolerancePx: number;
}

/** Where on the line a click at this place cuts it: the nearest vertex if within reach, else the nearest edge point. */
export function splitPointNear(place: Position, line: readonly Position[], zoom: number, tolerancePx: number): SplitPoint | null {
  const pointer = worldPixels(place, zoom);
  const points = line.map((position) => worldPixels(position, zoom));
  const vertex = points.findIndex((point) => Math.hypot(point.x - pointer.x, point.y - pointer.y) <= tolerancePx);
  if (vertex !== -1) return { kind: 'vertex', index: vertex };
  let best: { segmentIndex: number; t: number; distanceSquared: number } | null = null;
  for (let index = 0; index + 1 < points.length; index += 1) {
    const nearest = nearestOnSegment(pointer, points[index]!, points[index + 1]!);
    if (!best || nearest.distanceSquared < best.distanceSquared) best = { segmentIndex: index, ...nearest };
  }
  if (!best || best.distanceSquared > tolerancePx ** 2) return null;
  return { kind: 'edge', segmentIndex: best.segmentIndex, position: interpolate(line[best.segmentIndex]!, line[best.segmentIndex + 1]!, best.t) };
}

function pointMode(id: ModeId, options: PointOnLineOptions, onPoint: (point: SplitPoint) => void, isVertexOnly: boolean): MapMode {
  return {
    id,
    enter(context) {
      context.setCursor('crosshair');
      context.on('click', (event) => {
        const line = options.line();
        if (!line) return;
        const point = splitPointNear([event.lngLat.lng, event.lngLat.lat], line, options.zoom(), options.tolerancePx);
        if (point && (!isVertexOnly || point.kind === 'vertex')) onPoint(point);
      });
      context.on('keydown', (event) => {
        if (event.key === 'Escape') context.exit();
      });
    },
  };
}

/** Cutting the open segment where the planner clicks. */
export function createSplitMode(options: PointOnLineOptions, onSplit: (point: SplitPoint) => void): MapMode {
  return pointMode('split', options, onSplit, false);
}

/** Removing the vertex of the open segment the planner clicks (a finger has no right button). */
export function createRemoveVertexMode(options: PointOnLineOptions, onRemove: (index: number) => void): MapMode {
  return pointMode('modify', options, (point) => point.kind === 'vertex' && onRemove(point.index), true);
}
