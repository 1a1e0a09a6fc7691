import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { PROJECT_ROOT } from '../server/config.ts';

/**
 * `npm run basemap:build -- <casablanca data folder>`: writes data/basemap/casablanca-land.geojson, the land
 * the map draws over a sea-coloured background, so the coast reads as a coast and not as a boundary line,
 * and the railways drawn over it.
 *
 * From OpenStreetMap-derived files (ODbL, attributed on the map and in data/basemap/README.md):
 * - the préfectures and provinces around Casablanca (morocco-map's provinces, quantised to about 170 m,
 *   from the data folder) give the land beyond the city;
 * - the OSM boundary of the commune of Casablanca (data/osm) gives the city's coastline at full detail;
 * - the OSM railways of Grand Casablanca (data/osm) are the railways.
 * The coarse coast near the city is cut back to the fine one: the sea within a few hundred metres of the
 * city's coastline (outside the city) is removed from the coarse land.
 */

/** The part of Morocco the map ever shows (the region with the pan margin), in degrees. */
const EXTENT: [number, number, number, number] = [-8.25, 33.15, -6.95, 34.0];
const PROVINCES_NEAR_CASABLANCA = ['MA-CAS', 'MA-MOH', 'MA-NOU', 'MA-MED', 'MA-BES', 'MA-BRR', 'MA-JDI'];
/** How far from the coarse coast a city boundary vertex may be and still count as coast. */
const COAST_SNAP_METRES = 700;
/** Width of the sea strip cut from the coarse land along the city's coast. */
const COAST_STRIP_METRES = 300;
/** The provinces' coast is quantised into 170 m steps: simplified this much (degrees), it reads as a coast. */
const COARSE_SIMPLIFY_DEGREES = 0.0016;
/** Simplification of the result, in degrees (about 9 m): invisible below zoom 16, and a small file. */
const SIMPLIFY_DEGREES = 0.00008;

interface Topology {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { geometries: { id?: string; type: string; arcs: number[][] | number[][][] }[] }>;
}

/** Decodes a quantised, delta-encoded TopoJSON arc list into lon/lat rings. */
function decodeArcs(topology: Topology): Position[][] {
  const { scale, translate } = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
  });
}

function ringOf(arcIndexes: number[], arcs: Position[][]): Position[] {
  const ring: Position[] = [];
  for (const index of arcIndexes) {
    const arc = index >= 0 ? arcs[index]! : [...arcs[~index]!].reverse();
    ring.push(...(ring.length > 0 ? arc.slice(1) : arc));
  }
  return ring;
}

function readProvinces(file: string): Feature<Polygon | MultiPolygon>[] {
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const arcs = decodeArcs(topology);
  return (topology.objects.provinces?.geometries ?? [])
    .filter((geometry) => PROVINCES_NEAR_CASABLANCA.includes(geometry.id ?? ''))
    .map((geometry) =>
      geometry.type === 'Polygon'
        ? turf.polygon((geometry.arcs as number[][]).map((ring) => ringOf(ring, arcs)))
        : turf.multiPolygon((geometry.arcs as number[][][]).map((polygon) => polygon.map((ring) => ringOf(ring, arcs)))),
    );
}

/** Islets and slivers smaller than this (m²) are dropped: nothing the map could show at its zooms. */
const MIN_PART_AREA_M2 = 20_000;

/**
 * bboxClip leaves rings of fewer than four positions where it cuts a thin part away, and slivers along the
 * cut: drop them.
 */
function withoutDegenerateRings(feature: Feature<Polygon | MultiPolygon>): Feature<Polygon | MultiPolygon> {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const kept = polygons
    .map((polygon) => polygon.filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0 && (polygon[0]?.length ?? 0) >= 4)
    .filter((polygon) => turf.area(turf.polygon(polygon)) >= MIN_PART_AREA_M2);
  return turf.multiPolygon(kept);
}

function unionAll(features: Feature<Polygon | MultiPolygon>[]): Feature<Polygon | MultiPolygon> {
  const union = turf.union(turf.featureCollection(features));
  if (!union) throw new Error('the provinces have no area');
  return union;
}

/** The runs of the city's outer ring that lie along the coarse coast: its coastline. */
function cityCoastlines(city: Feature<Polygon>, coarseLand: Feature<Polygon | MultiPolygon>): Feature<LineString>[] {
  const polygons = coarseLand.geometry.type === 'Polygon' ? [coarseLand.geometry.coordinates] : coarseLand.geometry.coordinates;
  const outlines = polygons.flat().filter((ring) => ring.length >= 2).map((ring) => turf.lineString(ring));
  const isCoast = (position: Position) =>
    outlines.some((line) => turf.pointToLineDistance(turf.point(position), line, { units: 'meters' }) <= COAST_SNAP_METRES);
  const runs: Position[][] = [];
  let run: Position[] = [];
  for (const position of city.geometry.coordinates[0] ?? []) {
    if (isCoast(position)) run.push(position);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs.filter((positions) => positions.length >= 2).map((positions) => turf.lineString(positions));
}

/** Railway tracks the city map leaves out: those inside yards and stations, noise at the city's zooms. */
const YARD_SERVICES = new Set(['yard', 'siding', 'crossover']);

/** The running lines and spurs within the map's extent, simplified to a few metres: the rails as the map draws them. */
function buildRailways(): Feature<LineString>[] {
  const railways = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', 'osm', 'grand-casablanca-railways-osm.geojson'), 'utf8')) as FeatureCollection<LineString>;
  return railways.features
    .filter((feature) => feature.geometry.type === 'LineString' && !YARD_SERVICES.has(String(feature.properties?.service ?? '')))
    .filter((feature) => feature.geometry.coordinates.some(([lon, lat]) => lon! >= EXTENT[0] && lon! <= EXTENT[2] && lat! >= EXTENT[1] && lat! <= EXTENT[3]))
    .map((feature) => {
      const line = turf.truncate(turf.simplify(turf.lineString(feature.geometry.coordinates), { tolerance: 0.00003 }), { precision: 5 });
      line.properties = { kind: 'railway', usage: feature.properties?.usage ?? null };
      return line;
    });
}

function buildLand(dataDir: string): Feature<Polygon | MultiPolygon> {
  const provinces = readProvinces(join(dataDir, 'morocco_provinces_osm.topojson'));
  const boundary = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', 'osm', 'casablanca-city-boundary-osm.geojson'), 'utf8')) as FeatureCollection<Polygon>;
  const cityFeature = boundary.features[0];
  if (!cityFeature) throw new Error('the city boundary file has no feature');
  // The Méchouar enclave (the ring's hole) is land too.
  const city = turf.polygon([cityFeature.geometry.coordinates[0]!]);
  const clipped = withoutDegenerateRings(turf.bboxClip(unionAll(provinces), EXTENT) as Feature<Polygon | MultiPolygon>);
  const coarseLand = turf.simplify(clipped, { tolerance: COARSE_SIMPLIFY_DEGREES, highQuality: true });
  const coastlines = cityCoastlines(city, coarseLand);
  if (coastlines.length === 0) throw new Error('found no coastline along the city boundary');
  const strips = coastlines.map((line) => turf.buffer(line, COAST_STRIP_METRES, { units: 'meters' }) as Feature<Polygon>);
  const seaStrip = turf.difference(turf.featureCollection([unionAll(strips), city]));
  const trimmed = seaStrip ? turf.difference(turf.featureCollection([coarseLand, seaStrip])) : coarseLand;
  const land = unionAll([trimmed ?? coarseLand, city]);
  const simplified = turf.simplify(land, { tolerance: SIMPLIFY_DEGREES, highQuality: true });
  const rounded = turf.truncate(simplified, { precision: 5 });
  rounded.properties = { kind: 'land' };
  return rounded;
}

const dataDir = process.argv[2] ?? join(PROJECT_ROOT, '..', 'shared', 'data', 'casablanca');
const land = turf.featureCollection<Polygon | MultiPolygon | LineString>([buildLand(dataDir), ...buildRailways()]);
const out = join(PROJECT_ROOT, 'data', 'basemap', 'casablanca-land.geojson');
writeFileSync(out, `${JSON.stringify(land)}\n`);
console.log(`wrote ${out} (${JSON.stringify(land).length} bytes)`);
