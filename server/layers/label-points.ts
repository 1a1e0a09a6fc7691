import type { LayerDefinition } from './layer-definition.ts';

/**
 * The MVT layer of a labelled area layer that holds one point per area, named after the layer: a map labels
 * a polygon once per tile it crosses, so a large arrondissement would carry its name three times on one
 * screen; labelled from this point, it carries it once.
 */
export function labelPointsLayerName(layer: LayerDefinition): string {
  return `${layer.id}:labels`;
}

/** Whether the layer's tiles also carry its label points (labelled areas: LayerStyle.isLabelled, kind fill). */
export function hasLabelPoints(layer: LayerDefinition): boolean {
  return layer.style.kind === 'fill' && layer.style.isLabelled === true && layer.nameProperties !== undefined;
}
