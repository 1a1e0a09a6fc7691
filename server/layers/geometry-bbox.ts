import type { Geometry, Position } from 'geojson';

/** West, south, east, north in EPSG:4326 degrees. */
export type Bbox = [number, number, number, number];

function extend(box: Bbox, position: Position): void {
  const [lon, lat] = position as [number, number];
  if (lon < box[0]) box[0] = lon;
  if (lat < box[1]) box[1] = lat;
  if (lon > box[2]) box[2] = lon;
  if (lat > box[3]) box[3] = lat;
}

function visit(geometry: Geometry, box: Bbox): void {
  switch (geometry.type) {
    case 'Point':
      extend(box, geometry.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      for (const position of geometry.coordinates) extend(box, position);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const position of geometry.coordinates.flat()) extend(box, position);
      return;
    case 'MultiPolygon':
      for (const position of geometry.coordinates.flat(2)) extend(box, position);
      return;
    case 'GeometryCollection':
      for (const part of geometry.geometries) visit(part, box);
  }
}

/** The [west, south, east, north] box around GeoJSON geometries in lon/lat, or null when there are none. */
export function bboxOfGeometries(geometries: readonly Geometry[]): Bbox | null {
  if (geometries.length === 0) return null;
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const geometry of geometries) visit(geometry, box);
  return Number.isFinite(box[0]) ? box : null;
}
