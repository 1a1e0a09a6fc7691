import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Language } from '../../i18n/language.ts';
import type { LayerCatalogEntry } from '../../api/layer-catalog.ts';

/**
 * MapLibre expressions derived from a catalog layer's style. Pure data: unit tests compare them as JSON.
 */

type LayerStyle = LayerCatalogEntry['style'];

/** Whether the feature is the one shown in the details panel (feature state set by the map controller). */
export const IS_SELECTED: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** Whether an app draws the feature itself (a road being edited: map/map-edits.ts hides its tile feature). */
export const IS_HIDDEN: ExpressionSpecification = ['boolean', ['feature-state', 'hidden'], false];

/** Opacity 0 for a hidden feature, 1 otherwise. */
export const UNLESS_HIDDEN: ExpressionSpecification = ['case', IS_HIDDEN, 0, 1];

/**
 * The colour of a feature: by enum value (`colorByValue`), or read from a property that holds a `#rrggbb`
 * colour itself (transit lines), falling back to the layer colour when the value is missing or malformed.
 */
export function buildColorExpression(style: LayerStyle): ExpressionSpecification | string {
  const { colorProperty, colorByValue, color } = style;
  if (!colorProperty) return color;
  const value: ExpressionSpecification = ['to-string', ['get', colorProperty]];
  if (colorByValue && Object.keys(colorByValue).length > 0) {
    const cases = Object.entries(colorByValue).flat();
    return ['match', value, ...cases, color] as ExpressionSpecification;
  }
  return ['to-color', ['get', colorProperty], color];
}

/**
 * The label text in the interface language: the Arabic name for Arabic, the French name otherwise
 * (English readers see the French street names, as on the city's street plates); each falls back to
 * the other language when a feature has only one name.
 */
export function buildLabelTextField(nameProperties: { fr: string; ar: string }, language: Language): ExpressionSpecification {
  const [first, second] = language === 'ar' ? [nameProperties.ar, nameProperties.fr] : [nameProperties.fr, nameProperties.ar];
  return ['coalesce', ['get', first], ['get', second], ''];
}

/**
 * A size in pixels that follows the zoom: `sizeAtZoom14` at zoom 14 (the registry's reference), thinner
 * when the whole city is in view, wider when a street fills the screen. `extra` is added at every stop
 * (a casing is the line plus a margin); `whenSelected` is added for the selected feature.
 */
export function buildZoomedSize(sizeAtZoom14: number, extra = 0, whenSelected = 0): ExpressionSpecification {
  const stop = (factor: number): ExpressionSpecification | number => {
    const size = Math.round((sizeAtZoom14 * factor + extra) * 100) / 100;
    return whenSelected === 0 ? size : ['case', IS_SELECTED, size + whenSelected, size];
  };
  return ['interpolate', ['exponential', 1.4], ['zoom'], 10, stop(0.4), 14, stop(1), 18, stop(2.6)];
}

/** Filters by geometry kind, for layers whose features are points or polygons (permits). */
export const IS_POINT: ExpressionSpecification = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];
export const IS_POLYGON: ExpressionSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
