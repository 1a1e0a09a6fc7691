import type { LayerDefinition } from './layer-definition.ts';
import { adminAreas } from './definitions/admin-areas.ts';
import { roadSegments } from './definitions/road-segments.ts';
import { permits } from './definitions/permits.ts';
import { establishments } from './definitions/establishments.ts';
import { inspections } from './definitions/inspections.ts';
import { transitRoutes } from './definitions/transit-routes.ts';
import { transitStops } from './definitions/transit-stops.ts';

/** Every layer casa-sig serves, in drawing order (first = bottom). */
export const LAYERS: readonly LayerDefinition[] = [
  adminAreas,
  roadSegments,
  permits,
  establishments,
  inspections,
  transitRoutes,
  transitStops,
];

/**
 * Lookup of layers by id, built once; a registry is immutable after start. Who may do what with a layer is
 * decided by auth/policy.ts from the layers' `access` declarations.
 */
export class LayerRegistry {
  readonly layers: readonly LayerDefinition[];
  readonly #byId: ReadonlyMap<string, LayerDefinition>;

  constructor(layers: readonly LayerDefinition[] = LAYERS) {
    this.layers = layers;
    this.#byId = new Map(layers.map((layer) => [layer.id, layer]));
    if (this.#byId.size !== layers.length) throw new Error('Layer registry: duplicate layer id');
  }

  /** The layer with this id, or undefined (callers turn that into a 404 listing the layers). */
  find(id: string): LayerDefinition | undefined {
    return this.#byId.get(id);
  }

  get ids(): string[] {
    return this.layers.map((layer) => layer.id);
  }
}
