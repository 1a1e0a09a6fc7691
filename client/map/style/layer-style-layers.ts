import type { ExpressionSpecification, LayerSpecification, SymbolLayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Language } from '../../i18n/language.ts';
import type { LayerCatalogEntry } from '../../api/layer-catalog.ts';
import { LABEL_FONT, LABEL_FONT_BOLD } from './label-fonts.ts';
import { buildColorExpression, buildLabelTextField, buildZoomedSize, IS_POINT, IS_POLYGON, IS_SELECTED, UNLESS_HIDDEN } from './style-expressions.ts';

/**
 * The MapLibre style layers that draw one catalog layer. Each carries metadata naming the catalog layer
 * and its part, so the controller finds them (visibility, clicks) without knowing how they were built.
 */

/** Which piece of a catalog layer a style layer draws. */
export type StyleLayerPart = 'fill' | 'outline' | 'casing' | 'line' | 'circle' | 'label';

export interface StyleLayerMetadata {
  'casa-sig:layer': string;
  'casa-sig:part': StyleLayerPart;
}

/** Labels would crowd the whole-city view: they start at this zoom unless the layer starts later. */
const LINE_AND_POINT_LABEL_MINZOOM = 13;
const SELECTED_OUTLINE = '#1b1f3b';
const HALO = '#ffffff';

export interface StyleLayerOptions {
  language: Language;
  isVisible: boolean;
}

function styleLayerBase(entry: LayerCatalogEntry, part: StyleLayerPart, isVisible: boolean) {
  const metadata: StyleLayerMetadata = { 'casa-sig:layer': entry.id, 'casa-sig:part': part };
  return {
    id: `${entry.id}:${part}`,
    source: entry.id,
    'source-layer': entry.id,
    minzoom: entry.minzoom,
    ...(entry.maxzoom < 22 ? { maxzoom: entry.maxzoom + 1 } : {}),
    metadata,
    layout: { visibility: isVisible ? ('visible' as const) : ('none' as const) },
  };
}

/** Translucent areas with a firmer outline, so the features underneath stay readable. */
function buildAreaLayers(entry: LayerCatalogEntry, isVisible: boolean, filter?: ExpressionSpecification): LayerSpecification[] {
  const color = buildColorExpression(entry.style);
  return [
    {
      ...styleLayerBase(entry, 'fill', isVisible),
      type: 'fill',
      ...(filter ? { filter } : {}),
      paint: { 'fill-color': color, 'fill-opacity': ['case', IS_SELECTED, 0.35, 0.05] },
    },
    {
      ...styleLayerBase(entry, 'outline', isVisible),
      type: 'line',
      ...(filter ? { filter } : {}),
      paint: {
        'line-color': ['case', IS_SELECTED, SELECTED_OUTLINE, color] as ExpressionSpecification,
        'line-width': ['case', IS_SELECTED, entry.style.size * 2, entry.style.size],
        'line-opacity': 0.85,
      },
    },
  ];
}

/** A coloured line over a white casing; the casing darkens and widens for the selected feature. */
function buildLineLayers(entry: LayerCatalogEntry, isVisible: boolean): LayerSpecification[] {
  const layout = { 'line-cap': 'round' as const, 'line-join': 'round' as const };
  return [
    {
      ...styleLayerBase(entry, 'casing', isVisible),
      type: 'line',
      layout: { ...styleLayerBase(entry, 'casing', isVisible).layout, ...layout },
      paint: {
        'line-color': ['case', IS_SELECTED, SELECTED_OUTLINE, HALO],
        'line-width': buildZoomedSize(entry.style.size, 2, 3),
        'line-opacity': UNLESS_HIDDEN,
      },
    },
    {
      ...styleLayerBase(entry, 'line', isVisible),
      type: 'line',
      layout: { ...styleLayerBase(entry, 'line', isVisible).layout, ...layout },
      paint: { 'line-color': buildColorExpression(entry.style), 'line-width': buildZoomedSize(entry.style.size), 'line-opacity': UNLESS_HIDDEN },
    },
  ];
}

function buildCircleLayer(entry: LayerCatalogEntry, isVisible: boolean, filter?: ExpressionSpecification): LayerSpecification {
  return {
    ...styleLayerBase(entry, 'circle', isVisible),
    type: 'circle',
    ...(filter ? { filter } : {}),
    paint: {
      'circle-color': buildColorExpression(entry.style),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, entry.style.size * 0.6, 14, entry.style.size, 18, entry.style.size * 1.8],
      'circle-stroke-color': ['case', IS_SELECTED, SELECTED_OUTLINE, HALO],
      'circle-stroke-width': ['case', IS_SELECTED, 3, 1.2],
    },
  };
}

/** The geometry layers of a catalog layer, bottom to top. */
export function buildGeometryLayers(entry: LayerCatalogEntry, options: StyleLayerOptions): LayerSpecification[] {
  switch (entry.style.kind) {
    case 'fill':
      return buildAreaLayers(entry, options.isVisible);
    case 'line':
      return buildLineLayers(entry, options.isVisible);
    case 'circle': {
      // A circle layer would put a dot on every vertex of a polygon: footprints are drawn as areas.
      const hasPolygons = entry.geometryTypes.some((type) => type === 'Polygon' || type === 'MultiPolygon');
      if (!hasPolygons) return [buildCircleLayer(entry, options.isVisible)];
      return [...buildAreaLayers(entry, options.isVisible, IS_POLYGON), buildCircleLayer(entry, options.isVisible, IS_POINT)];
    }
  }
}

const LABEL_PAINT = { 'text-color': '#1f2430', 'text-halo-color': HALO, 'text-halo-width': 1.6 };

/** Layout of a label by geometry kind: along the line, under the dot, or centred (and bolder) in the area. */
function labelPlacement(kind: LayerCatalogEntry['style']['kind']): SymbolLayerSpecification['layout'] {
  switch (kind) {
    case 'line':
      return {
        'text-font': [LABEL_FONT],
        'symbol-placement': 'line',
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10.5, 17, 13.5],
        'text-max-angle': 30,
        'symbol-spacing': 320,
      };
    case 'circle':
      return {
        'text-font': [LABEL_FONT],
        'text-size': 12,
        'text-anchor': 'top',
        'text-offset': [0, 0.8],
        'text-max-width': 9,
        'text-optional': true,
      };
    case 'fill':
      return {
        'text-font': [LABEL_FONT_BOLD],
        'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 14, 14],
        'text-max-width': 8,
        'text-padding': 12,
      };
  }
}

/** One label layer's share of a layer's features: the values it labels and the zooms it labels them at. */
interface LabelGroup {
  filter?: ExpressionSpecification;
  min?: number;
  max?: number;
}

/**
 * The label layers a layer needs: one, unless the registry labels some values at some zooms only
 * (`labelZooms`: préfectures zoomed out, arrondissements zoomed in); then one per zoom range, plus one for
 * the values it does not list.
 */
function labelGroups(entry: LayerCatalogEntry): LabelGroup[] {
  const { labelZooms, colorProperty } = entry.style;
  if (!labelZooms || !colorProperty) return [{}];
  const value: ExpressionSpecification = ['to-string', ['get', colorProperty]];
  const byRange = new Map<string, { values: string[]; min?: number; max?: number }>();
  for (const [listed, range] of Object.entries(labelZooms)) {
    const key = `${range.min ?? ''}/${range.max ?? ''}`;
    const group = byRange.get(key) ?? { values: [], ...range };
    group.values.push(listed);
    byRange.set(key, group);
  }
  const groups: LabelGroup[] = [...byRange.values()]
    .map(({ values, min, max }) => ({ filter: ['match', value, values, true, false] as ExpressionSpecification, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }))
    .sort((a, b) => (a.min ?? 0) - (b.min ?? 0));
  const property = entry.properties.find((candidate) => candidate.name === colorProperty);
  const listed = Object.keys(labelZooms);
  const hasOthers = property?.values?.some((entryValue) => !listed.includes(entryValue.value)) ?? true;
  if (hasOthers) groups.push({ filter: ['match', value, listed, false, true] });
  return groups;
}

/**
 * The label layers of a catalog layer (none when it is not labelled). Lines and points are labelled from
 * zoom 13 (the whole-city view would drown in names); areas at every zoom, in their own colour, from their
 * one label point. The text follows the interface language.
 */
export function buildLabelLayers(entry: LayerCatalogEntry, options: StyleLayerOptions): LayerSpecification[] {
  if (!entry.style.isLabelled || !entry.nameProperties) return [];
  const base = styleLayerBase(entry, 'label', options.isVisible);
  const isArea = entry.style.kind === 'fill';
  const minzoom = isArea ? entry.minzoom : Math.max(entry.minzoom, LINE_AND_POINT_LABEL_MINZOOM);
  return labelGroups(entry).map((group, index) => ({
    ...base,
    id: index === 0 ? base.id : `${base.id}-${index + 1}`,
    // Areas are labelled from their one label point (the tiles' label layer), not once per tile they cross.
    ...(entry.labelPointsLayer ? { 'source-layer': entry.labelPointsLayer } : {}),
    minzoom: Math.max(minzoom, group.min ?? 0),
    ...(group.max !== undefined || 'maxzoom' in base ? { maxzoom: Math.min(group.max ?? 24, 'maxzoom' in base ? (base.maxzoom as number) : 24) } : {}),
    ...(group.filter ? { filter: group.filter } : {}),
    type: 'symbol',
    layout: {
      ...base.layout,
      'text-field': buildLabelTextField(entry.nameProperties!, options.language),
      ...labelPlacement(entry.style.kind),
    },
    paint: isArea ? { ...LABEL_PAINT, 'text-color': buildColorExpression(entry.style), 'text-halo-width': 2 } : { ...LABEL_PAINT, 'text-opacity': UNLESS_HIDDEN },
  }));
}
