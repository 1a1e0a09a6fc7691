import type { Geometry, Position } from 'geojson';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { Bbox } from '../layers/geometry-bbox.ts';
import { type FeatureIssue, issue } from './write-errors.ts';

/**
 * Checks of a GeoJSON geometry that need no database: shape, coordinate ranges, ring closure, vertex
 * budget and the Casablanca region. PostGIS then judges validity (self-intersections and the like).
 */
const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && (value.length === 2 || value.length === 3) && value.every((part) => typeof part === 'number');
}

/** Nesting depth of positions per geometry type: Point 0, LineString 1, Polygon 2, MultiPolygon 3. */
const DEPTH: Record<(typeof GEOMETRY_TYPES)[number], number> = {
  Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3,
};

function collectPositions(value: unknown, depth: number, into: Position[]): boolean {
  if (depth === 0) {
    if (!isPosition(value)) return false;
    into.push(value);
    return true;
  }
  return Array.isArray(value) && value.every((part) => collectPositions(part, depth - 1, into));
}

function ringsOf(geometry: Geometry): Position[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

function linesOf(geometry: Geometry): Position[][] {
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

/** What a geometry may hold: a vertex budget, and the region it must stay in (null: no data yet, no region). */
export interface GeometryLimits {
  maxVertices: number;
  region: Bbox | null;
}

/** Returns the issues found; an empty list means PostGIS may look at it. Pure (the planners' editor runs it too). */
export function checkGeometryShape(layer: { geometry: Pick<LayerDefinition['geometry'], 'types'> }, geometry: unknown, limits: GeometryLimits): FeatureIssue[] {
  const { maxVertices, region } = limits;
  const pointer = '/geometry';
  const types = layer.geometry.types.join(', ');
  if (geometry === null || typeof geometry !== 'object' || Array.isArray(geometry)) {
    return [issue(pointer, 'missing-geometry', `Géométrie attendue (${types})`, `يلزم شكل هندسي (${types})`, `A geometry is required (${types})`)];
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !GEOMETRY_TYPES.includes(type as never) || !layer.geometry.types.includes(type as never)) {
    return [issue(`${pointer}/type`, 'wrong-geometry-type', `Type de géométrie ${String(type)} refusé ; attendu : ${types}`, `نوع الشكل الهندسي ${String(type)} مرفوض؛ المطلوب: ${types}`, `Geometry type ${String(type)} not accepted; expected: ${types}`)];
  }
  const positions: Position[] = [];
  if (!collectPositions(coordinates, DEPTH[type as keyof typeof DEPTH], positions)) {
    return [issue(`${pointer}/coordinates`, 'malformed-coordinates', 'Coordonnées mal formées', 'إحداثيات غير سليمة', 'Malformed coordinates')];
  }
  if (positions.some((position) => position.some((number) => !Number.isFinite(number)))) {
    return [issue(`${pointer}/coordinates`, 'non-finite-coordinate', 'Coordonnée non finie', 'إحداثية غير منتهية', 'Non-finite coordinate')];
  }
  if (positions.some(([lon, lat]) => Math.abs(lon!) > 180 || Math.abs(lat!) > 90)) {
    return [issue(`${pointer}/coordinates`, 'coordinate-out-of-range', 'Longitude ou latitude hors limites (EPSG:4326 attendu)', 'خط الطول أو العرض خارج الحدود (المطلوب EPSG:4326)', 'Longitude or latitude out of range (EPSG:4326 expected)')];
  }
  const issues: FeatureIssue[] = [];
  if (positions.length > maxVertices) {
    issues.push(issue(`${pointer}/coordinates`, 'too-many-vertices', `Trop de sommets (${positions.length} > ${maxVertices})`, `عدد الرؤوس كبير جدا (${positions.length} > ${maxVertices})`, `Too many vertices (${positions.length} > ${maxVertices})`));
  }
  if (region && positions.some(([lon, lat]) => lon! < region[0] || lon! > region[2] || lat! < region[1] || lat! > region[3])) {
    issues.push(issue(`${pointer}/coordinates`, 'outside-region', 'La géométrie sort de la région de Casablanca', 'الشكل الهندسي يتجاوز جهة الدار البيضاء', 'The geometry leaves the Casablanca region'));
  }
  const typed = geometry as Geometry;
  if (linesOf(typed).some((line) => line.length < 2)) {
    issues.push(issue(`${pointer}/coordinates`, 'too-few-positions', 'Une ligne a besoin d’au moins deux points', 'يحتاج الخط إلى نقطتين على الأقل', 'A line needs at least two positions'));
  }
  for (const ring of ringsOf(typed)) {
    const first = ring[0];
    const last = ring.at(-1);
    if (ring.length < 4) {
      issues.push(issue(`${pointer}/coordinates`, 'ring-too-short', 'Un anneau a besoin d’au moins quatre positions', 'تحتاج الحلقة إلى أربع نقاط على الأقل', 'A ring needs at least four positions'));
    } else if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      issues.push(issue(`${pointer}/coordinates`, 'ring-not-closed', 'Anneau non fermé : le dernier point doit répéter le premier', 'حلقة غير مغلقة: يجب أن تكرر النقطة الأخيرة الأولى', 'Ring not closed: the last position must repeat the first'));
    }
  }
  return issues;
}

/** Drops a third coordinate (elevation): the layers are 2D. */
export function to2d(geometry: Geometry): Geometry {
  const strip = (value: unknown): unknown => (isPosition(value) ? value.slice(0, 2) : (value as unknown[]).map(strip));
  return { ...geometry, coordinates: strip((geometry as { coordinates: unknown }).coordinates) } as Geometry;
}
