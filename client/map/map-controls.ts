import * as maplibregl from 'maplibre-gl';
import { type Language, textDirectionOf } from '../i18n/language.ts';
import { MAP_MESSAGES } from './map-messages.ts';

/**
 * Puts MapLibre's controls on the side the reading direction calls for (zoom buttons at the end of the
 * line, scale at its start), labelled in the language, and returns them. MapLibre reads its UI strings when
 * a control is added, so the controls of the previous language are removed and added again after the
 * locale table is patched.
 */
/** MapLibre's own threshold for a narrow map, where the credits take the whole bottom edge. */
const NARROW_MAP_PX = 640;

export function placeMapControls(map: maplibregl.Map, previous: readonly maplibregl.IControl[], language: Language): maplibregl.IControl[] {
  const messages = MAP_MESSAGES[language];
  Object.assign(map._locale, messages.controls);
  const canvas = map.getCanvas();
  if (messages.controls['Map.Title']) canvas.setAttribute('aria-label', messages.controls['Map.Title']);
  for (const control of previous) map.removeControl(control);
  const isRtl = textDirectionOf(language) === 'rtl';
  const [start, end]: [maplibregl.ControlPosition, maplibregl.ControlPosition] = isRtl ? ['bottom-right', 'bottom-left'] : ['bottom-left', 'bottom-right'];
  // On a phone the credits span the bottom edge: the scale goes to the top, opposite the panel button.
  const scalePosition: maplibregl.ControlPosition = canvas.clientWidth > NARROW_MAP_PX ? start : isRtl ? 'top-left' : 'top-right';
  const attribution = new maplibregl.AttributionControl({ compact: true, customAttribution: messages.attribution });
  const navigation = new maplibregl.NavigationControl({ visualizePitch: false });
  const scale = new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 });
  map.addControl(attribution, end);
  map.addControl(navigation, end);
  map.addControl(scale, scalePosition);
  return [attribution, navigation, scale];
}
