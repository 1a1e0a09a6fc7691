import type { LayerDefinition, PropertyDefinition, Role } from './layer-definition.ts';
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

/** Lookup of layers by id, built once; a registry is immutable after start. */
export class LayerRegistry {
  readonly layers: readonly LayerDefinition[];
  readonly #byId: ReadonlyMap<string, LayerDefinition>;

  constructor(layers: readonly LayerDefinition[] = LAYERS) {
    this.layers = layers;
    this.#byId = new Map(layers.map((layer) => [layer.id, layer]));
    if (this.#byId.size !== layers.length) throw new Error('Layer registry: duplicate layer id');
  }

  /** The layer with this id, or undefined (callers turn that into a 404 listing `ids`). */
  find(id: string): LayerDefinition | undefined {
    return this.#byId.get(id);
  }

  get ids(): string[] {
    return this.layers.map((layer) => layer.id);
  }

  /** Layers the role may read, in drawing order. */
  readableBy(role: Role): LayerDefinition[] {
    return this.layers.filter((layer) => canRead(layer, role));
  }
}

export function canRead(layer: LayerDefinition, role: Role): boolean {
  return layer.access.read.includes(role);
}

/**
 * The properties of a layer that a role may see, by API name. Personal properties are dropped for roles
 * outside `access.personal`: this is the one place that decides it, for tiles and features alike.
 */
export function visibleProperties(layer: LayerDefinition, role: Role): [string, PropertyDefinition][] {
  const seesPersonal = layer.access.personal.includes(role);
  return Object.entries(layer.properties).filter(([, property]) => seesPersonal || !property.personal);
}

/** Visible properties that tiles carry for this role. */
export function tileProperties(layer: LayerDefinition, role: Role): [string, PropertyDefinition][] {
  return visibleProperties(layer, role).filter(([, property]) => property.inTiles === true);
}
