import type * as maplibregl from 'maplibre-gl';
import type { FeatureHit } from './feature-hit.ts';
import type { MapPointerEvent, ModeEventMap, ModeEventSource, ModeEventType } from './mode-host.ts';

/**
 * The mode host's events, from a MapLibre map: clicks and pointer moves with the catalog features under
 * the pointer (queried only when a mode asks), and the keys pressed while the map has the focus.
 */
export function createMapEventSource(map: maplibregl.Map, featuresAt: (point: maplibregl.Point) => FeatureHit[]): ModeEventSource {
  const toPointerEvent = (event: maplibregl.MapMouseEvent): MapPointerEvent => {
    let features: FeatureHit[] | undefined;
    return {
      point: { x: event.point.x, y: event.point.y },
      lngLat: { lng: event.lngLat.lng, lat: event.lngLat.lat },
      featuresHere: () => {
        features ??= featuresAt(event.point);
        return features;
      },
    };
  };
  return {
    on<Type extends ModeEventType>(type: Type, handler: (event: ModeEventMap[Type]) => void): () => void {
      if (type === 'keydown') {
        const container = map.getCanvasContainer();
        const listener = (event: KeyboardEvent) => (handler as (event: KeyboardEvent) => void)(event);
        container.addEventListener('keydown', listener);
        return () => container.removeEventListener('keydown', listener);
      }
      const mapType = type === 'click' ? 'click' : 'mousemove';
      const listener = (event: maplibregl.MapMouseEvent) => (handler as (event: MapPointerEvent) => void)(toPointerEvent(event));
      map.on(mapType, listener);
      return () => {
        map.off(mapType, listener);
      };
    },
    setCursor(cursor) {
      map.getCanvas().style.cursor = cursor;
    },
  };
}
