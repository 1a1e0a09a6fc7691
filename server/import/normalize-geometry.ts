import type { Geometry, Position } from 'geojson';
import type { GeometryType, Labels } from '../layers/layer-definition.ts';
import type { ImportIssue } from './import-issue.ts';
import { labels } from './import-issue.ts';

/**
 * Structural checks of a GeoJSON geometry in EPSG:4326 before PostGIS sees it: known type, well-formed
 * nesting, enough positions, closed rings, finite coordinates within longitude [-180, 180] and latitude
 * [-90, 90]. Z (and M) values are dropped: casa-sig stores 2D geometries. The geometry is then fitted to
 * the layer's registry types when that loses nothing (one-part Multi* into its single type, a single type
 * into its Multi* type). Validity proper (self-intersections and the like) is PostGIS's job.
 */
export interface NormalizedGeometry {
  geometry?: Geometry;
  /** How the type was fitted to the layer, for the import summary. */
  conversion?: { from: GeometryType; to: GeometryType };
  /** True when some position had a third (Z) or fourth (M) value, now dropped. */
  hasDroppedZ?: boolean;
  issues: Pick<ImportIssue, 'pointer' | 'code' | 'message'>[];
}

type Issue = NormalizedGeometry['issues'][number];

const MULTI_OF: Partial<Record<GeometryType, GeometryType>> = { Point: 'MultiPoint', LineString: 'MultiLineString', Polygon: 'MultiPolygon' };
const SINGLE_OF: Partial<Record<GeometryType, GeometryType>> = { MultiPoint: 'Point', MultiLineString: 'LineString', MultiPolygon: 'Polygon' };
/** Nesting depth of `coordinates` for each type: a Position is depth 0. */
const DEPTH: Record<GeometryType, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

export function normalizeGeometry(value: unknown, allowed: readonly GeometryType[]): NormalizedGeometry {
  if (value === null || value === undefined) {
    return fail('/geometry', 'missing-geometry', labels('objet sans géométrie', 'كائن بلا هندسة', 'the feature has no geometry'));
  }
  const geometry = value as { type?: unknown; coordinates?: unknown };
  const type = geometry.type as GeometryType;
  if (typeof geometry.type !== 'string' || !Object.hasOwn(DEPTH, geometry.type)) {
    const shown = typeof geometry.type === 'string' ? geometry.type : JSON.stringify(geometry.type ?? null);
    return fail('/geometry/type', 'wrong-geometry-type', typeMessage(shown, allowed));
  }
  const issue = checkNesting(geometry.coordinates, DEPTH[type], '/geometry/coordinates');
  if (issue) return { issues: [issue] };
  const dropped = { count: 0 };
  const coordinates = strip(geometry.coordinates, DEPTH[type], dropped);
  const shapeIssue = checkShape(type, coordinates);
  if (shapeIssue) return { issues: [shapeIssue] };
  const fitted = fitType({ type, coordinates } as Geometry, allowed);
  return dropped.count > 0 && fitted.geometry ? { ...fitted, hasDroppedZ: true } : fitted;
}

function fitType(geometry: Geometry, allowed: readonly GeometryType[]): NormalizedGeometry {
  const type = geometry.type as GeometryType;
  if (allowed.includes(type)) return { geometry, issues: [] };
  const parts = (geometry as { coordinates: unknown[] }).coordinates;
  const single = SINGLE_OF[type];
  if (single && allowed.includes(single) && parts.length === 1) {
    return { geometry: { type: single, coordinates: parts[0] } as Geometry, conversion: { from: type, to: single }, issues: [] };
  }
  const multi = MULTI_OF[type];
  if (multi && allowed.includes(multi)) {
    return { geometry: { type: multi, coordinates: [parts] } as Geometry, conversion: { from: type, to: multi }, issues: [] };
  }
  return fail('/geometry/type', 'wrong-geometry-type', typeMessage(type, allowed, single ? parts.length : undefined));
}

/** Finds the first position that is not an array of at least two finite numbers within lon/lat range. */
function checkNesting(value: unknown, depth: number, pointer: string): Issue | undefined {
  if (!Array.isArray(value)) return malformed(pointer);
  if (depth === 0) return checkPosition(value, pointer);
  for (const [index, child] of value.entries()) {
    const issue = checkNesting(child, depth - 1, `${pointer}/${index}`);
    if (issue) return issue;
  }
  return undefined;
}

function checkPosition(position: unknown[], pointer: string): Issue | undefined {
  if (position.length < 2 || position.some((coordinate) => typeof coordinate !== 'number')) return malformed(pointer);
  const [x, y] = position as number[];
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    return { pointer, code: 'non-finite-coordinate', message: labels('coordonnée non finie', 'إحداثية غير محدودة', 'a coordinate is not a finite number') };
  }
  if (x! < -180 || x! > 180 || y! < -90 || y! > 90) {
    return {
      pointer,
      code: 'coordinate-out-of-range',
      message: labels(
        `(${x}, ${y}) sort des longitudes/latitudes : le fichier semble projeté (mètres) ; reprojetez-le en WGS 84 (EPSG:4326)`,
        `(${x}, ${y}) خارج مجال خطوط الطول والعرض: يبدو الملف مُسقطًا (بالأمتار)؛ أعد إسقاطه إلى WGS 84 (EPSG:4326)`,
        `(${x}, ${y}) is outside longitude/latitude: the file looks projected (metres); reproject it to WGS 84 (EPSG:4326)`,
      ),
    };
  }
  return undefined;
}

/** Copies coordinates keeping only x and y; counts positions that had more. */
function strip(value: unknown, depth: number, dropped: { count: number }): unknown {
  if (depth === 0) {
    const position = value as number[];
    if (position.length > 2) dropped.count += 1;
    return position.slice(0, 2);
  }
  return (value as unknown[]).map((child) => strip(child, depth - 1, dropped));
}

/** Minimum sizes: a line has 2 positions, a ring 4 and is closed, a Multi* has at least one part. */
function checkShape(type: GeometryType, coordinates: unknown): Issue | undefined {
  const tooFew = (pointer: string, what: Labels) => ({ pointer, code: 'malformed-geometry' as const, message: what });
  const line = (positions: Position[], pointer: string) =>
    positions.length < 2 ? tooFew(pointer, labels('une ligne a au moins 2 points', 'يتكون الخط من نقطتين على الأقل', 'a line needs at least 2 positions')) : undefined;
  const ring = (positions: Position[], pointer: string) => {
    if (positions.length < 4) return tooFew(pointer, labels('un anneau a au moins 4 points', 'تتكون الحلقة من 4 نقاط على الأقل', 'a ring needs at least 4 positions'));
    const [first, last] = [positions[0]!, positions[positions.length - 1]!];
    if (first[0] !== last[0] || first[1] !== last[1]) return tooFew(pointer, labels('anneau non fermé', 'حلقة غير مغلقة', 'the ring is not closed'));
    return undefined;
  };
  const polygon = (rings: Position[][], pointer: string) =>
    rings.length === 0 ? tooFew(pointer, EMPTY) : rings.map((positions, index) => ring(positions, `${pointer}/${index}`)).find(Boolean);
  const parts = coordinates as unknown[];
  const base = '/geometry/coordinates';
  switch (type) {
    case 'Point':
      return undefined;
    case 'MultiPoint':
      return parts.length === 0 ? tooFew(base, EMPTY) : undefined;
    case 'LineString':
      return line(parts as Position[], base);
    case 'MultiLineString':
      return parts.length === 0 ? tooFew(base, EMPTY) : (parts as Position[][]).map((positions, index) => line(positions, `${base}/${index}`)).find(Boolean);
    case 'Polygon':
      return polygon(parts as Position[][], base);
    case 'MultiPolygon':
      return parts.length === 0 ? tooFew(base, EMPTY) : (parts as Position[][][]).map((rings, index) => polygon(rings, `${base}/${index}`)).find(Boolean);
  }
}

function typeMessage(found: string, allowed: readonly GeometryType[], partCount?: number): Labels {
  const list = allowed.join(', ');
  const parts = partCount === undefined ? { fr: '', ar: '', en: '' } : { fr: ` de ${partCount} parties`, ar: ` من ${partCount} أجزاء`, en: ` with ${partCount} parts` };
  return labels(
    `géométrie ${found}${parts.fr} : la couche accepte ${list}`,
    `هندسة ${found}${parts.ar}: الطبقة تقبل ${list}`,
    `${found} geometry${parts.en}: the layer accepts ${list}`,
  );
}

function malformed(pointer: string): Issue {
  return { pointer, code: 'malformed-geometry', message: labels('coordonnées mal formées', 'إحداثيات غير سليمة البنية', 'malformed coordinates') };
}

function fail(pointer: string, code: Issue['code'], message: Labels): NormalizedGeometry {
  return { issues: [{ pointer, code, message }] };
}

const EMPTY = labels('géométrie vide', 'هندسة فارغة', 'empty geometry');
