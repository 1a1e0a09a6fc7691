import type { Geometry } from 'geojson';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { buildPropertyValidator, type PropertyValidator, type ValidationMode } from '../layers/property-validation.ts';
import { checkGeometryShape, type GeometryLimits, to2d } from './geometry-checks.ts';
import { type FeatureIssue, issue, ValidationError } from './write-errors.ts';

/** A feature body after validation: property values by API name, and the geometry to write (if any). */
export interface FeatureInput {
  values: Record<string, unknown>;
  /** The new geometry; undefined when the body does not change it (PATCH without geometry, derived places). */
  geometry: Geometry | undefined;
  /** Read-only properties sent back with a replace or an update: the writer checks they are unchanged. */
  readOnly?: Record<string, unknown>;
}

const validators = new WeakMap<LayerDefinition, PropertyValidator>();

function validatorFor(layer: LayerDefinition): PropertyValidator {
  let validator = validators.get(layer);
  if (!validator) {
    validator = buildPropertyValidator(layer);
    validators.set(layer, validator);
  }
  return validator;
}

const CRS84 = new Set([
  'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  'urn:ogc:def:crs:OGC:1.3:CRS84',
  'urn:ogc:def:crs:EPSG::4326',
  'EPSG:4326',
]);

function checkCrs(body: Record<string, unknown>): FeatureIssue[] {
  if (body.crs === undefined) return [];
  const name = (body.crs as { properties?: { name?: unknown } })?.properties?.name;
  if (typeof name === 'string' && CRS84.has(name)) return [];
  return [issue('/crs', 'unsupported-crs', 'Seul WGS 84 (CRS84, EPSG:4326) est accepté', 'لا يقبل إلا WGS 84 (CRS84، EPSG:4326)', 'Only WGS 84 (CRS84, EPSG:4326) is accepted')];
}

/**
 * Validates a GeoJSON Feature (POST, PUT) or a JSON Merge Patch of one (PATCH) against the registry.
 * Throws a ValidationError listing every issue; nothing is half-accepted.
 */
export function parseFeatureInput(layer: LayerDefinition, body: unknown, mode: ValidationMode, limits: GeometryLimits, urlId?: number): FeatureInput {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError([issue('', 'not-a-feature', 'Le corps doit être un objet GeoJSON Feature', 'يجب أن يكون المحتوى كائن GeoJSON Feature', 'The body must be a GeoJSON Feature object')]);
  }
  const record = body as Record<string, unknown>;
  const issues: FeatureIssue[] = [...checkCrs(record)];
  if (mode !== 'update' && record.type !== 'Feature') {
    issues.push(issue('/type', 'not-a-feature', 'type doit valoir "Feature"', 'يجب أن تكون قيمة type هي "Feature"', 'type must be "Feature"'));
  }
  if (record.id !== undefined && record.id !== null && urlId !== undefined && Number(record.id) !== urlId) {
    issues.push(issue('/id', 'id-mismatch', 'L’identifiant du corps diffère de celui de l’adresse', 'المعرف في المحتوى يخالف المعرف في العنوان', 'The id in the body differs from the one in the URL'));
  }
  const hasProperties = record.properties !== undefined && record.properties !== null;
  const properties = validatorFor(layer)(hasProperties ? record.properties : {}, mode);
  issues.push(...properties.issues);

  let geometry: Geometry | undefined;
  const sendsGeometry = Object.hasOwn(record, 'geometry');
  if (layer.geometry.isDerived) {
    // The place is copied from another feature (an inspection's from its establishment): a geometry sent
    // here would be dropped, so it is refused rather than silently ignored. null says "no geometry of my own".
    if (sendsGeometry && record.geometry !== null) {
      issues.push(issue('/geometry', 'derived-geometry',
        'La géométrie de cette couche vient d’une autre entité : envoyez "geometry": null',
        'هندسة هذه الطبقة مأخوذة من كيان آخر: أرسل "geometry": null',
        'This layer takes its geometry from another feature: send "geometry": null'));
    }
  } else if (mode !== 'update' || sendsGeometry) {
    const shapeIssues = checkGeometryShape(layer, record.geometry, limits);
    issues.push(...shapeIssues);
    if (shapeIssues.length === 0) geometry = to2d(record.geometry as Geometry);
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { values: properties.values, geometry, ...(properties.readOnly ? { readOnly: properties.readOnly } : {}) };
}
