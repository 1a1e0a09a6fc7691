/**
 * What a hostile or careless client sends, by where it goes: text for path and query parameters, JSON values
 * for body members, geometries, whole bodies and headers. Fixed lists, so a failure names its input.
 */

/** A place near the centre of Casablanca (lon, lat) for geometries that are wrong in every other way. */
const [LON, LAT] = [-7.6325, 33.5873];

/** Text that looks like code or breaks naive handling; sent everywhere text goes. */
export const HOSTILE_TEXT: readonly string[] = [
  "' OR '1'='1",
  "1; DROP TABLE users; --",
  'road_segments" UNION SELECT password_hash FROM users --',
  "$1::text",
  "%' AND 1=0 --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant to stay literal text
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  '\u202Eevil.txt\u202C',
  '\u200Fشارع\u200F',
  'e\u0301\u0301\u0301\u0301\u0301',
  '\u0627\u0644\u0632\u0631\u0642\u0637\u0648\u0646\u064A',
  '🏗️👷🏽‍♀️',
  'a\u0000b',
  ' ',
  '',
  'x'.repeat(10_000),
];

/** Numbers written as text (query strings, path segments). */
export const HOSTILE_NUMBER_TEXT: readonly string[] = [
  '-1', '0', '1.5', '1e3', '1e309', '-1e309', 'NaN', 'Infinity', '-Infinity', '0x10', '9007199254740993',
  '2147483648', '-2147483649', '99999999999999999999999', '1,5', '+1', '00001', ' 1',
];

/** Path segments sent as they are (already percent-encoded, some of it malformed on purpose). */
export const RAW_PATH_SEGMENTS: readonly string[] = ['%', '%FF%FE', '%00', '%C0%AF', '%ED%A0%80', '%E0%A4%A', '..', '.', '%2e%2e', '%2F'];

/** JSON values of every type and edge: what a body member may be replaced with. */
export const HOSTILE_JSON: readonly unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1,
  '', ' ', 'NaN', 'Infinity', '1', 'a\u0000b', 'x'.repeat(100_000), "' OR '1'='1", '<script>alert(1)</script>', '\u202Eabc',
  [], [null], ['x'.repeat(1_000)], Array.from({ length: 10_000 }, (_, index) => index), {}, { $ne: null }, JSON.parse('{"__proto__":{"isAdmin":true}}'),
];

function ring(points: [number, number][]): [number, number][] {
  return points.map(([dx, dy]) => [LON + dx, LAT + dy]);
}

function longLine(vertices: number): { type: 'LineString'; coordinates: [number, number][] } {
  return { type: 'LineString', coordinates: Array.from({ length: vertices }, (_, index) => [LON + (index % 1000) * 1e-6, LAT + Math.floor(index / 1000) * 1e-6]) };
}

/** Geometries that no layer may store: malformed, invalid, out of range, the wrong kind, far too large. */
export const HOSTILE_GEOMETRIES: Readonly<Record<string, unknown>> = {
  'unclosed ring': { type: 'Polygon', coordinates: [ring([[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001]])] },
  bowtie: { type: 'Polygon', coordinates: [ring([[0, 0], [0.001, 0.001], [0.001, 0], [0, 0.001], [0, 0]])] },
  'self-intersecting ring': { type: 'Polygon', coordinates: [ring([[0, 0], [0.002, 0], [0.002, 0.002], [0.001, -0.001], [0, 0.002], [0, 0]])] },
  'hole outside shell': {
    type: 'Polygon',
    coordinates: [ring([[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001], [0, 0]]), ring([[0.005, 0.005], [0.006, 0.005], [0.006, 0.006], [0.005, 0.006], [0.005, 0.005]])],
  },
  'ring of two points': { type: 'Polygon', coordinates: [ring([[0, 0], [0, 0]])] },
  'GeometryCollection for a Polygon': { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [ring([[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]])] }] },
  'invalid member of a MultiPolygon': { type: 'MultiPolygon', coordinates: [[ring([[0, 0], [0.001, 0.001], [0.001, 0], [0, 0.001], [0, 0]])]] },
  'longitude 200': { type: 'Point', coordinates: [200, LAT] },
  'latitude -100': { type: 'Point', coordinates: [LON, -100] },
  'Gulf of Guinea': { type: 'Point', coordinates: [0, 0] },
  'NaN coordinate': { type: 'Point', coordinates: ['NaN', LAT] },
  'coordinate as text': { type: 'Point', coordinates: '(-7.68 33.58)' },
  'one number': { type: 'Point', coordinates: [LON] },
  'four numbers': { type: 'Point', coordinates: [LON, LAT, 0, 0] },
  'empty coordinates': { type: 'LineString', coordinates: [] },
  'one-point line': { type: 'LineString', coordinates: [[LON, LAT]] },
  'nested 40 deep': { type: 'Point', coordinates: JSON.parse(`${'['.repeat(40)}0${']'.repeat(40)}`) },
  'unknown type': { type: 'Polygonz', coordinates: [[LON, LAT]] },
  'no type': { coordinates: [LON, LAT] },
  'WKT text': 'POINT(-7.68 33.58)',
  'a number': 42,
  'an array': [LON, LAT],
  '20,000 vertices': longLine(20_000),
  '100,000 vertices': longLine(100_000),
};

/** Whole request bodies, each with the Content-Type it is sent as. */
export interface RawBody {
  name: string;
  body: string;
  contentType?: string;
}

const TEN_MEGABYTES = `{"padding":"${'x'.repeat(10 * 1024 * 1024)}"}`;

export const HOSTILE_BODIES: readonly RawBody[] = [
  { name: 'truncated JSON', body: '{"type":"Feature",', contentType: 'application/json' },
  { name: 'single quotes', body: "{'type':'Feature'}", contentType: 'application/json' },
  { name: 'trailing comma', body: '{"a":1,}', contentType: 'application/json' },
  { name: 'JSON array', body: '[]', contentType: 'application/json' },
  { name: 'JSON string', body: '"Feature"', contentType: 'application/json' },
  { name: 'JSON number', body: '1e309', contentType: 'application/json' },
  { name: 'JSON null', body: 'null', contentType: 'application/json' },
  { name: 'empty body', body: '', contentType: 'application/json' },
  { name: 'nested 10,000 deep', body: `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, contentType: 'application/json' },
  { name: 'duplicate keys', body: '{"type":"Feature","type":"FeatureCollection"}', contentType: 'application/json' },
  { name: 'NUL in a key', body: '{"a\\u0000b":1}', contentType: 'application/json' },
  { name: 'lone surrogate', body: '{"a":"\\ud800"}', contentType: 'application/json' },
  { name: 'prototype keys', body: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', contentType: 'application/json' },
  { name: '10 MB', body: TEN_MEGABYTES, contentType: 'application/json' },
  { name: 'plain text', body: 'type=Feature', contentType: 'text/plain' },
  { name: 'XML', body: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', contentType: 'application/xml' },
  { name: 'form', body: 'type=Feature&geometry=x', contentType: 'application/x-www-form-urlencoded' },
  { name: 'multipart', body: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n', contentType: 'multipart/form-data; boundary=b' },
  { name: 'UTF-16 declared', body: '{"a":1}', contentType: 'application/json; charset=utf-16' },
  { name: 'no content type', body: '{"a":1}' },
  { name: 'JSON with a made-up subtype', body: '{"a":1}', contentType: 'application/json-seq' },
];

/** Headers no client should send, or sends badly; each set is added to a request as it is. */
export const HOSTILE_HEADERS: readonly Readonly<Record<string, string>>[] = [
  { 'If-Match': 'garbage' },
  { 'If-Match': 'W/"v1.AAAAAAAA"' },
  { 'If-Match': '"v1.AAAAAAAA"' },
  { 'If-Match': '"a", "b' },
  { 'If-None-Match': '*' },
  { Accept: 'application/xml' },
  { 'Accept-Encoding': 'br;q=2, gzip;q=-1, *;q=NaN' },
  { 'Content-Encoding': 'gzip' },
  { 'Content-Encoding': 'compress, deflate, zstd' },
  { 'X-Request-Id': '<script>alert(1)</script>' },
  { Range: 'bytes=999999999999-' },
  { Range: 'bytes=5-1, -0, x' },
  { 'X-Forwarded-For': "' OR 1=1 --, 999.999.999.999" },
  { 'X-Forwarded-Proto': 'gopher' },
  { Origin: 'https://evil.example' },
  { Authorization: 'Bearer ' },
  { Authorization: 'Basic YWRtaW46Y2FzYS1hZG1pbi1kZW1v' },
  { Authorization: `Bearer csk_zzzzzzzz_${'A'.repeat(43)}` },
  { Authorization: `Bearer ${'x'.repeat(8_000)}` },
  { Cookie: 'casa_sig_session=%' },
  { Cookie: `casa_sig_session=${'%E0'.repeat(1_000)}` },
  { 'X-Change-Reason': '%E0%A4%A' },
  { 'X-Change-Reason': 'x'.repeat(8_000) },
  { 'Accept-Language': 'ar;q=abc, *;q=1e309, '.repeat(200) },
];
