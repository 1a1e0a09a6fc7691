import type { LayerDefinition } from './layer-definition.ts';
import { adminAreas } from './definitions/admin-areas.ts';
import { roadSegments } from './definitions/road-segments.ts';
import { permits } from './definitions/permits.ts';
import { establishments } from './definitions/establishments.ts';
import { inspections } from './definitions/inspections.ts';
import { transitRoutes } from './definitions/transit-routes.ts';
import { transitStops } from './definitions/transit-stops.ts';
import { assertLayersConsistent } from './registry-rules.ts';

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
 * Lookup of layers by id, built once; a registry is immutable after start. It is the only way any module
 * reaches a layer definition: modules receive it (createApp(deps), scripts build it once), none imports a
 * definition. Who may do what with a layer is decided by auth/policy.ts from the layers' `access`.
 */
export class LayerRegistry {
  readonly layers: readonly LayerDefinition[];
  readonly #byId: ReadonlyMap<string, LayerDefinition>;
  /** The admin areas features are located in (roles.isAdminAreas). */
  readonly areas: LayerDefinition;
  /** The street network `along` measures on (roles.isStreetNetwork), if the registry has one. */
  readonly streets: LayerDefinition | undefined;
  /** Searchable layers, by weight (heaviest first) then drawing order: the order of equal results. */
  readonly searchable: readonly LayerDefinition[];

  constructor(layers: readonly LayerDefinition[] = LAYERS) {
    assertLayersConsistent(layers);
    this.layers = layers;
    this.#byId = new Map(layers.map((layer) => [layer.id, layer]));
    this.areas = layers.find((layer) => layer.roles?.isAdminAreas)!;
    this.streets = layers.find((layer) => layer.roles?.isStreetNetwork);
    this.searchable = layers.filter((layer) => layer.search).sort((a, b) => b.search!.weight - a.search!.weight);
  }

  /** The layer with this id, or undefined (callers turn that into a 404 listing the layers). */
  find(id: string): LayerDefinition | undefined {
    return this.#byId.get(id);
  }

  get ids(): string[] {
    return this.layers.map((layer) => layer.id);
  }

  /** Layers whose geometry is copied from `layerId`'s (their features move when its features move). */
  followersOf(layerId: string): LayerDefinition[] {
    return this.layers.filter((layer) => layer.geometry.derivedFrom === layerId);
  }
}
