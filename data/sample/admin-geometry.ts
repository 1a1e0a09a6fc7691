import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { featureCollection, intersect, point, polygon, union, voronoi } from '@turf/turf';
import { ARRONDISSEMENTS, type ArrondissementSpec } from './admin-areas.ts';
import { readCityOutline } from './osm-data.ts';
import { type LonLat, isInMultiPolygon } from './geometry.ts';

/** An arrondissement with its sample polygon (EPSG:4326 MultiPolygon coordinates). */
export interface ArrondissementArea extends ArrondissementSpec {
  coordinates: LonLat[][][];
}

/**
 * Voronoi is computed on longitudes scaled by cos(latitude) so that "nearest seed" means nearest in
 * metres, not in degrees (a degree of longitude is ~17 % shorter than a degree of latitude here).
 */
const LON_SCALE = Math.cos((33.57 * Math.PI) / 180);
const VORONOI_BBOX: [number, number, number, number] = [-7.9 * LON_SCALE, 33.4, -7.3 * LON_SCALE, 33.75];

function toScaled(position: Position): Position {
  return [position[0]! * LON_SCALE, position[1]!];
}

function fromScaled(position: Position): LonLat {
  return [position[0]! / LON_SCALE, position[1]!];
}

function asMultiPolygon(geometry: Polygon | MultiPolygon): LonLat[][][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => ring.map((position) => [position[0]!, position[1]!] as LonLat)));
}

/**
 * Builds the 16 arrondissement polygons: the Voronoi cells of every seed point (EPSG:4326, metric
 * nearest), each clipped to the city's real outline (OpenStreetMap's boundary of the commune, the Méchouar
 * enclave cut out), then merged per arrondissement. Cells tile the plane, so the arrondissements cover the
 * city with no gap and no overlap; their inner borders stay approximate (the project's own, from its
 * hand-placed seeds). Deterministic: no randomness.
 */
function buildArrondissementAreas(): ArrondissementArea[] {
  const seeds = ARRONDISSEMENTS.flatMap((spec, index) => spec.seeds.map((seed) => ({ seed, index })));
  const cells = voronoi(featureCollection(seeds.map(({ seed }) => point(toScaled(seed)))), { bbox: VORONOI_BBOX });
  const outline = polygon(readCityOutline());
  const pieces: Feature<Polygon | MultiPolygon>[][] = ARRONDISSEMENTS.map(() => []);
  cells.features.forEach((cell, cellIndex) => {
    if (!cell) throw new Error(`Duplicate seed point ${JSON.stringify(seeds[cellIndex]?.seed)}`);
    const unscaled = polygon(cell.geometry.coordinates.map((ring) => ring.map(fromScaled)));
    const clipped = intersect(featureCollection([unscaled, outline]));
    if (clipped) pieces[seeds[cellIndex]!.index]!.push(clipped);
  });
  return ARRONDISSEMENTS.map((spec, index) => {
    const merged = union(featureCollection(pieces[index]!));
    if (!merged) throw new Error(`Arrondissement ${spec.code} has no area inside the city outline`);
    return { ...spec, coordinates: asMultiPolygon(merged.geometry) };
  });
}

let cachedAreas: ArrondissementArea[] | undefined;

/** The arrondissements with their polygons, computed once per process. */
export function getArrondissementAreas(): readonly ArrondissementArea[] {
  cachedAreas ??= buildArrondissementAreas();
  return cachedAreas;
}

/** The arrondissement containing a position, or undefined outside the city outline. */
export function findArrondissement(position: LonLat): ArrondissementArea | undefined {
  return getArrondissementAreas().find((area) => isInMultiPolygon(position, area.coordinates));
}
