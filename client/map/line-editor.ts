import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawSelectMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { LINE_EDITOR_PREFIX, type LineEditingOptions, type ReshapeMode, type ReshapeStep } from './line-editing.ts';
import type { MapMode, ModeId } from './mode-host.ts';
import type { OverlayRegistry } from './overlay-registry.ts';
import { type Snap, snapToLines } from './snap-to-lines.ts';

/**
 * Drawing and reshaping one line on the map, with terra-draw (the only file that knows it). The apps see
 * two map modes built from plain data: drawing a new line, and reshaping a given line (drag a vertex, drag
 * a midpoint to add one, right-click a vertex to remove it). Both snap, within a tolerance in screen pixels,
 * to the lines the app lists (exact geometries, not tile approximations), and show where they snapped. The
 * app owns the result: it receives the finished line or each reshaping step and keeps its own history.
 */

type FeatureId = ReturnType<TerraDraw['getFeatureId']>;

const SNAP_OVERLAY = 'snap-feedback';
const SNAP_SOURCE = `${SNAP_OVERLAY}:point`;
const DRAW = '#0b57d0';
const HANDLE = '#ffffff';

function snapFeatures(snap: Snap | null): FeatureCollection<Point> {
  const features: Feature<Point>[] = snap ? [{ type: 'Feature', properties: { kind: snap.kind }, geometry: { type: 'Point', coordinates: [...snap.position] } }] : [];
  return { type: 'FeatureCollection', features };
}

/** The index of the one vertex that differs between two lines of the same length, or -1. */
function movedIndex(before: readonly Position[], after: readonly Position[]): number {
  return after.findIndex((position, index) => position[0] !== before[index]?.[0] || position[1] !== before[index]?.[1]);
}

/**
 * The engine behind both modes, one per map: terra-draw started while a mode lasts and stopped when it is
 * left (which removes its layers), and the snapping feedback as an overlay.
 */
export class LineEditor {
  readonly #map: maplibregl.Map;
  readonly #overlays: OverlayRegistry;
  #draw: TerraDraw | undefined;
  #options: LineEditingOptions | undefined;
  #lastSnap: Snap | null = null;

  constructor(map: maplibregl.Map, overlays: OverlayRegistry) {
    this.#map = map;
    this.#overlays = overlays;
  }

  /** A mode drawing a new line: click to add vertices, click the last one again or press Enter to finish. */
  drawMode(options: LineEditingOptions & { onDrawn(coordinates: Position[]): void }): MapMode {
    return this.#mode('draw', options, (draw, context) => {
      draw.setMode('linestring');
      draw.on('finish', (id, finish) => {
        if (finish.action !== 'draw') return;
        // The line stays drawn until the app leaves the mode (terra-draw still reads it after this event).
        const geometry = draw.getSnapshotFeature(id)?.geometry as LineString | undefined;
        this.#showSnap(null);
        if (geometry && geometry.coordinates.length >= 2) options.onDrawn(geometry.coordinates.map((position) => [position[0]!, position[1]!]));
        else context.exit();
      });
    });
  }

  /** A mode reshaping the given line; each finished drag, insertion or removal is one step for the app. */
  reshapeMode(options: LineEditingOptions & { coordinates: readonly Position[]; onReshaped(coordinates: Position[], step: ReshapeStep): void }): ReshapeMode {
    let featureId: FeatureId | undefined;
    let shape = options.coordinates.map((position) => [...position]);
    const mode = this.#mode('modify', options, (draw) => {
      featureId = draw.getFeatureId();
      const [added] = draw.addFeatures([{ id: featureId, type: 'Feature', properties: { mode: 'linestring' }, geometry: { type: 'LineString', coordinates: shape } }]);
      draw.setMode('select');
      if (!added?.valid) throw new Error(`line-editor: terra-draw refused the line (${added?.reason ?? 'unknown reason'})`);
      draw.selectFeature(featureId);
      draw.on('finish', (id, finish) => {
        const geometry = draw.getSnapshotFeature(id)?.geometry as LineString | undefined;
        if (id !== featureId || !geometry) return;
        const next = geometry.coordinates.map((position) => [position[0]!, position[1]!]);
        const before = shape;
        shape = next;
        this.#showSnap(null);
        if (finish.action === 'dragCoordinate') options.onReshaped(next, { kind: 'move', index: movedIndex(before, next), snap: this.#lastSnap });
        else if (finish.action === 'insertMidpoint') options.onReshaped(next, { kind: 'insert', index: movedIndex(before, next) });
        else if (finish.action === 'deleteCoordinate') options.onReshaped(next, { kind: 'delete', index: Math.max(0, movedIndex(next, before)) });
      });
    });
    return {
      ...mode,
      setCoordinates: (coordinates) => {
        shape = coordinates.map((position) => [...position]);
        if (this.#draw?.enabled && featureId !== undefined && this.#draw.hasFeature(featureId)) {
          this.#draw.updateFeatureGeometry(featureId, { type: 'LineString', coordinates: shape });
        }
      },
    };
  }

  #mode(id: ModeId, options: LineEditingOptions, start: (draw: TerraDraw, context: { exit(): void }) => void): MapMode {
    return {
      id,
      enter: (context) => {
        this.#options = options;
        const draw = this.#start();
        this.#overlays.set({
          id: SNAP_OVERLAY,
          placement: 'top',
          sources: { [SNAP_SOURCE]: { type: 'geojson', data: snapFeatures(null) } },
          layers: [
            {
              id: `${SNAP_OVERLAY}:ring`,
              type: 'circle',
              source: SNAP_SOURCE,
              paint: {
                'circle-radius': ['match', ['get', 'kind'], 'vertex', 9, 7],
                'circle-color': ['match', ['get', 'kind'], 'vertex', '#f9ab00', 'rgba(0,0,0,0)'],
                'circle-stroke-color': '#e37400',
                'circle-stroke-width': 3,
              },
            },
          ],
        });
        context.on('keydown', (event) => {
          if (event.key === 'Escape') context.exit();
        });
        start(draw, context);
      },
      exit: () => {
        this.#stop();
        this.#overlays.remove(SNAP_OVERLAY);
      },
    };
  }

  /** Snaps the pointer to the app's lines; terra-draw uses the returned place instead of the pointer's. */
  readonly #snap = (event: { containerX: number; containerY: number }): Position | undefined => {
    const options = this.#options;
    if (!options) return undefined;
    const project = (position: Position) => this.#map.project([position[0]!, position[1]!]);
    this.#lastSnap = snapToLines({ x: event.containerX, y: event.containerY }, options.snapTargets(), project, options.snapTolerancePx);
    this.#showSnap(this.#lastSnap);
    return this.#lastSnap ? [...this.#lastSnap.position] : undefined;
  };

  #showSnap(snap: Snap | null): void {
    if (this.#overlays.has(SNAP_OVERLAY)) this.#overlays.setData(SNAP_OVERLAY, SNAP_SOURCE, snapFeatures(snap));
  }

  #start(): TerraDraw {
    this.#stop();
    const snapping = { toCustom: this.#snap };
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.#map, prefixId: LINE_EDITOR_PREFIX }),
      tracked: false,
      modes: [
        new TerraDrawLineStringMode({
          snapping,
          styles: { lineStringColor: DRAW, lineStringWidth: 4, coordinatePointColor: DRAW, closingPointColor: HANDLE, closingPointOutlineColor: DRAW, closingPointWidth: 6, closingPointOutlineWidth: 2, snappingPointColor: '#f9ab00' },
        }),
        new TerraDrawSelectMode({
          allowManualDeselection: false,
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
          flags: { linestring: { feature: { draggable: false, coordinates: { draggable: true, midpoints: true, deletable: true, snappable: snapping } } } },
          styles: {
            selectedLineStringColor: DRAW,
            selectedLineStringWidth: 4,
            selectionPointColor: HANDLE,
            selectionPointOutlineColor: DRAW,
            selectionPointWidth: 6,
            selectionPointOutlineWidth: 2,
            midPointColor: DRAW,
            midPointOutlineColor: HANDLE,
            midPointWidth: 4,
          },
        }),
      ],
    });
    draw.start();
    this.#draw = draw;
    return draw;
  }

  #stop(): void {
    const draw = this.#draw;
    this.#draw = undefined;
    this.#lastSnap = null;
    if (draw?.enabled) draw.stop();
  }
}
