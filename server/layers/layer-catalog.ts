import type { Labels, LayerDefinition, PropertyType, Role } from './layer-definition.ts';
import { type LayerRegistry, visibleProperties } from './registry.ts';
import { REGION_BOUNDS, REGION_CENTER, REGION_DEFAULT_ZOOM } from './region.ts';

/** What the client needs to draw, describe and label one layer (GET /api/layers). */
export interface LayerCatalogEntry {
  id: string;
  title: Labels;
  description: Labels;
  family: LayerDefinition['family'];
  geometryTypes: readonly string[];
  minzoom: number;
  maxzoom: number;
  tiles: string;
  tilejson: string;
  nameProperties: { fr: string; ar: string } | null;
  properties: {
    name: string;
    type: PropertyType;
    label: Labels;
    unit?: string;
    values?: { value: string; label: Labels }[];
    isInTiles: boolean;
  }[];
  style: LayerDefinition['style'];
  legend: { label: Labels; color: string }[];
  isVisibleByDefault: boolean;
}

export interface LayerCatalog {
  bounds: readonly number[];
  center: readonly number[];
  zoom: number;
  layers: LayerCatalogEntry[];
}

/** Legend rows: one per coloured value of the style's property, else one for the whole layer. */
function buildLegend(layer: LayerDefinition): LayerCatalogEntry['legend'] {
  const { colorProperty, colorByValue } = layer.style;
  const values = colorProperty ? layer.properties[colorProperty]?.values : undefined;
  if (!colorByValue || !values) return [{ label: layer.title, color: layer.style.color }];
  return Object.entries(colorByValue).map(([value, color]) => ({ label: values[value] ?? { fr: value, ar: value, en: value }, color }));
}

function describeLayer(layer: LayerDefinition, role: Role): LayerCatalogEntry {
  return {
    id: layer.id,
    title: layer.title,
    description: layer.description,
    family: layer.family,
    geometryTypes: layer.geometry.types,
    minzoom: layer.tiles.minzoom,
    maxzoom: layer.tiles.maxzoom,
    tiles: `/tiles/${layer.id}/{z}/{x}/{y}.mvt`,
    tilejson: `/tiles/${layer.id}.json`,
    nameProperties: layer.nameProperties ?? null,
    properties: visibleProperties(layer, role).map(([name, property]) => ({
      name,
      type: property.type,
      label: property.label,
      ...(property.unit ? { unit: property.unit } : {}),
      ...(property.values
        ? { values: Object.entries(property.values).map(([value, label]) => ({ value, label })) }
        : {}),
      isInTiles: property.inTiles === true,
    })),
    style: layer.style,
    legend: buildLegend(layer),
    isVisibleByDefault: layer.isVisibleByDefault,
  };
}

/** The catalog for one role: only layers it may read, only properties it may see. */
export function buildLayerCatalog(registry: LayerRegistry, role: Role): LayerCatalog {
  return {
    bounds: REGION_BOUNDS,
    center: REGION_CENTER,
    zoom: REGION_DEFAULT_ZOOM,
    layers: registry.readableBy(role).map((layer) => describeLayer(layer, role)),
  };
}
