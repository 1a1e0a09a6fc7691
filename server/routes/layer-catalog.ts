import { isAllowed, readableLayers, visiblePropertiesFor } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { Labels, LayerDefinition, PropertyType } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { isEditable } from '../layers/property-validation.ts';
import { hasLabelPoints, labelPointsLayerName } from '../layers/label-points.ts';
import { type Region, regionFrom } from '../layers/region.ts';

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
  /** The MVT layer of the tiles that holds one label point per feature (labelled areas), or null. */
  labelPointsLayer: string | null;
  properties: {
    name: string;
    type: PropertyType;
    label: Labels;
    unit?: string;
    values?: { value: string; label: Labels }[];
    isInTiles: boolean;
    /** The layer whose feature ids this property holds (PropertyDefinition.references). */
    references?: string;
    /** Personal data (sent only to roles allowed it): never a feature's title. */
    isPersonal: boolean;
    /**
     * Must have a value when a feature is created or replaced (a permit's reference): a required text can
     * title a feature, optional notes cannot.
     */
    isRequired: boolean;
    /** A missing value means unknown (show it as such), not "none". */
    isUnknownWhenNull?: boolean;
    /** False for what the server maintains (timestamps, derived values): editors show it read-only (absent: true). */
    isEditable?: boolean;
    /** Inclusive bounds of a number; for text, `max` is its greatest length in characters. */
    min?: number;
    max?: number;
  }[];
  /**
   * The layer whose places this one's features copy (an inspection sits at its establishment), or null.
   * Such features would be stacked on their parent: clients reach them through the parent, not on the map.
   */
  derivedFrom: string | null;
  /** The date that places a feature in time (a permit's submission, an inspection's day), or null. */
  primaryDateProperty: string | null;
  /**
   * The checks the server makes of a network layer's lines, with their thresholds in metres, so that an
   * editor warns about the same things before saving; null for other layers.
   */
  lineChecks?: { nearMissMetres: number; shortSegmentMetres: number | null } | null;
  style: LayerDefinition['style'];
  legend: { label: Labels; color: string }[];
  isVisibleByDefault: boolean;
  /** What the caller may do with the layer's features. */
  permissions: { create: boolean; update: boolean; delete: boolean };
}

export interface LayerCatalog {
  /** The region served, [west, south, east, north] in degrees: how far the map may pan. */
  bounds: readonly number[];
  /** The city, which the map fits to the screen when it opens. */
  home: readonly number[];
  center: readonly number[];
  zoom: number;
  layers: LayerCatalogEntry[];
}

/** The legend's word for features whose coloured property is unknown (drawn in the layer's own colour). */
export const UNKNOWN_LABEL: Labels = { fr: 'Inconnu', ar: 'غير معروف', en: 'Unknown' };

/**
 * Legend rows: one per coloured value of the style's property, and one for "unknown" when the property
 * may be unknown; else one for the whole layer.
 */
function buildLegend(layer: LayerDefinition): LayerCatalogEntry['legend'] {
  const { colorProperty, colorByValue } = layer.style;
  const property = colorProperty ? layer.properties[colorProperty] : undefined;
  const values = property?.values;
  if (!colorByValue || !values) return [{ label: layer.title, color: layer.style.color }];
  const rows = Object.entries(colorByValue).map(([value, color]) => ({ label: values[value] ?? { fr: value, ar: value, en: value }, color }));
  return property?.isUnknownWhenNull ? [...rows, { label: UNKNOWN_LABEL, color: layer.style.color }] : rows;
}

function describeLayer(layer: LayerDefinition, principal: Principal): LayerCatalogEntry {
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
    labelPointsLayer: hasLabelPoints(layer) ? labelPointsLayerName(layer) : null,
    properties: visiblePropertiesFor(principal, layer).map(([name, property]) => ({
      name,
      type: property.type,
      label: property.label,
      ...(property.unit ? { unit: property.unit } : {}),
      ...(property.values
        ? { values: Object.entries(property.values).map(([value, label]) => ({ value, label })) }
        : {}),
      isInTiles: property.inTiles === true,
      ...(property.references ? { references: property.references } : {}),
      isPersonal: property.personal === true,
      isRequired: property.required === true,
      ...(property.isUnknownWhenNull ? { isUnknownWhenNull: true } : {}),
      isEditable: isEditable(property),
      ...(property.min === undefined ? {} : { min: property.min }),
      ...(property.max === undefined ? {} : { max: property.max }),
    })),
    derivedFrom: layer.geometry.derivedFrom ?? null,
    primaryDateProperty: layer.primaryDateProperty ?? null,
    lineChecks: layer.geometry.nearMissMetres
      ? { nearMissMetres: layer.geometry.nearMissMetres, shortSegmentMetres: layer.geometry.shortSegmentMetres ?? null }
      : null,
    style: layer.style,
    legend: buildLegend(layer),
    isVisibleByDefault: layer.isVisibleByDefault,
    permissions: {
      create: isAllowed(principal, layer, 'create'),
      update: isAllowed(principal, layer, 'update'),
      delete: isAllowed(principal, layer, 'delete'),
    },
  };
}

/** Before any data exists, the region is the whole world. */
const NO_REGION = regionFrom(null, null, { marginKm: 0 });

/**
 * The catalog for one principal: only layers it may read, only properties it may see, and the region the
 * data spans (layers/region.ts).
 */
export function buildLayerCatalog(registry: LayerRegistry, principal: Principal, region: Region = NO_REGION): LayerCatalog {
  return {
    bounds: region.bounds,
    home: region.home,
    center: region.center,
    zoom: region.zoom,
    layers: readableLayers(registry, principal).map((layer) => describeLayer(layer, principal)),
  };
}
