import { fileIssue, type ImportIssue, labels } from './import-issue.ts';
import { collectAttributes, failedDataset, type SourceDataset, type SourceFeature } from './source-dataset.ts';

/**
 * Reads a GeoJSON file (RFC 7946): a FeatureCollection or a single Feature. RFC 7946 coordinates are
 * always WGS 84 longitude/latitude (EPSG:4326 / OGC CRS84). Older files (GeoJSON 2008) may carry a `crs`
 * member; one naming WGS 84 is accepted, any other CRS is refused (this importer never reprojects:
 * reprojecting silently would hide a wrong source).
 */
export function readGeojson(bytes: Uint8Array): SourceDataset {
  let text: string;
  try {
    // RFC 8259: JSON exchanged between systems is UTF-8; a byte-order mark is dropped by the decoder.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failedDataset('geojson', [fileIssue('invalid-encoding', NOT_UTF8)]);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    return failedDataset('geojson', [fileIssue('invalid-json', labels(`JSON invalide : ${reason}`, `JSON غير صالح: ${reason}`, `Invalid JSON: ${reason}`))]);
  }
  return readGeojsonDocument(document);
}

/** The same, from an already parsed document. */
export function readGeojsonDocument(document: unknown): SourceDataset {
  if (!isObject(document) || (document.type !== 'FeatureCollection' && document.type !== 'Feature')) {
    return failedDataset('geojson', [fileIssue('not-geojson', notGeojsonMessage(document))]);
  }
  const crsIssue = checkGeojsonCrs(document.crs, '/crs');
  if (crsIssue) return failedDataset('geojson', [crsIssue]);
  const members = document.type === 'Feature' ? [document] : document.features;
  if (!Array.isArray(members)) {
    return failedDataset('geojson', [fileIssue('not-geojson', labels(
      '« features » doit être un tableau',
      '« features » يجب أن يكون مصفوفة',
      '"features" must be an array',
    ), '/features')]);
  }
  const features: SourceFeature[] = [];
  const issues: ImportIssue[] = [];
  members.forEach((member: unknown, index) => {
    const problem = checkFeatureShape(member);
    if (problem) {
      issues.push({ featureIndex: index, pointer: problem.pointer, code: problem.code, message: problem.message });
      return;
    }
    const feature = member as Record<string, unknown>;
    features.push({ index, properties: (feature.properties ?? {}) as Record<string, unknown>, geometry: feature.geometry ?? null });
  });
  return { format: 'geojson', features, attributes: collectAttributes(features), notes: [], issues };
}

/** Names by which files commonly declare WGS 84 longitude/latitude (GDAL writes the first). */
const WGS84_CRS_NAME = new RegExp(
  [
    '^urn:ogc:def:crs:ogc:(1\\.3)?:crs84$',
    '^urn:ogc:def:crs:ogc::crs84$',
    '^urn:ogc:def:crs:epsg:[0-9.]*:4326$',
    '^epsg:4326$',
    '^crs84$',
    '^https?://www\\.opengis\\.net/def/crs/ogc/1\\.3/crs84$',
    '^https?://www\\.opengis\\.net/def/crs/epsg/0/4326$',
  ].join('|'),
  'i',
);

/** Checks a legacy (GeoJSON 2008) `crs` member: absent or null is fine, WGS 84 is fine, anything else is not. */
export function checkGeojsonCrs(crs: unknown, pointer: string): ImportIssue | undefined {
  if (crs === undefined || crs === null) return undefined;
  const name = isObject(crs) && crs.type === 'name' && isObject(crs.properties) ? crs.properties.name : undefined;
  if (typeof name === 'string' && WGS84_CRS_NAME.test(name.trim())) return undefined;
  const found = typeof name === 'string' ? name : JSON.stringify(crs);
  return fileIssue(
    'unsupported-crs',
    labels(
      `Système de coordonnées ${found} : seul WGS 84 en longitude/latitude (EPSG:4326) est accepté. Reprojetez le fichier (par ex. ogr2ogr -t_srs EPSG:4326).`,
      `نظام الإحداثيات ${found}: لا يُقبل إلا WGS 84 بخطوط الطول والعرض (EPSG:4326). أعد إسقاط الملف (مثلًا ogr2ogr -t_srs EPSG:4326).`,
      `Coordinate reference system ${found}: only WGS 84 longitude/latitude (EPSG:4326) is accepted. Reproject the file (e.g. ogr2ogr -t_srs EPSG:4326).`,
    ),
    pointer,
  );
}

function checkFeatureShape(member: unknown): Pick<ImportIssue, 'pointer' | 'code' | 'message'> | undefined {
  if (!isObject(member) || member.type !== 'Feature') {
    return { pointer: '', code: 'not-a-feature', message: labels(
      'objet GeoJSON de type « Feature » attendu',
      'يُنتظر كائن GeoJSON من نوع « Feature »',
      'a GeoJSON object of type "Feature" expected',
    ) };
  }
  const { properties } = member;
  if (properties !== undefined && properties !== null && (!isObject(properties) || Array.isArray(properties))) {
    return { pointer: '/properties', code: 'properties-not-object', message: labels(
      'les propriétés doivent former un objet',
      'يجب أن تكون الخصائص كائنًا',
      'properties must be an object',
    ) };
  }
  const crsIssue = checkGeojsonCrs(member.crs, '/crs');
  if (crsIssue) return { pointer: '/crs', code: 'unsupported-crs', message: crsIssue.message };
  return undefined;
}

function notGeojsonMessage(document: unknown): ReturnType<typeof labels> {
  const type = isObject(document) && typeof document.type === 'string' ? document.type : undefined;
  if (type && ['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'].includes(type)) {
    return labels(
      `Géométrie ${type} seule : sans propriétés, elle ne peut pas devenir un objet ; placez-la dans une Feature`,
      `هندسة ${type} منفردة: لا خصائص لها، ضعها داخل Feature`,
      `A bare ${type} geometry has no properties; wrap it in a Feature`,
    );
  }
  return labels(
    'Ce n’est pas du GeoJSON : une FeatureCollection ou une Feature est attendue',
    'ليس GeoJSON: يُنتظر FeatureCollection أو Feature',
    'Not GeoJSON: a FeatureCollection or a Feature is expected',
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const NOT_UTF8 = labels(
  'Le fichier n’est pas en UTF-8 (RFC 8259 l’exige pour le GeoJSON)',
  'الملف ليس بترميز UTF-8 (يشترطه RFC 8259 في GeoJSON)',
  'The file is not UTF-8 (RFC 8259 requires it for GeoJSON)',
);
