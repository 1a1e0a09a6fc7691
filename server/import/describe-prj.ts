/**
 * Reading of a shapefile's .prj (a WKT coordinate reference system, WKT1 as ESRI and GDAL write it, or
 * WKT2). casa-sig stores EPSG:4326 and this importer does not reproject, so the only question is: is it
 * geographic WGS 84 in degrees? If not, the person is told which CRS was found.
 */
export interface PrjDescription {
  /** True for a geographic CRS on the WGS 84 datum (EPSG:4326 and its ESRI spelling GCS_WGS_1984). */
  isWgs84Geographic: boolean;
  /** Name of the CRS as the file gives it (e.g. "Merchich_Nord_Maroc"), with its EPSG code when stated. */
  name: string;
}

const GEOGRAPHIC_KEYWORDS = new Set(['GEOGCS', 'GEOGCRS', 'GEODCRS', 'GEOGRAPHICCRS', 'GEODETICCRS']);

/** Datum names of WGS 84 as written by ESRI (D_WGS_1984), GDAL/EPSG (WGS_1984) and WKT2 (World Geodetic System 1984). */
const WGS84_DATUMS = new Set(['DWGS1984', 'WGS1984', 'WGS84', 'WORLDGEODETICSYSTEM1984', 'WORLDGEODETICSYSTEM1984ENSEMBLE']);

export function describePrj(wkt: string): PrjDescription {
  const text = wkt.trim();
  const top = /^([A-Z_]+)\s*\[\s*"([^"]*)"/i.exec(text);
  if (!top) return { isWgs84Geographic: false, name: text.slice(0, 80) || '(empty)' };
  const keyword = top[1]!.toUpperCase();
  const code = topLevelEpsgCode(text);
  const name = code ? `${top[2]} (EPSG:${code})` : top[2]!;
  if (!GEOGRAPHIC_KEYWORDS.has(keyword)) return { isWgs84Geographic: false, name };
  if (code !== undefined) return { isWgs84Geographic: code === '4326', name };
  const datum = /(?:DATUM|ENSEMBLE)\s*\[\s*"([^"]*)"/i.exec(text)?.[1] ?? '';
  const isDegrees = !/ANGLEUNIT\s*\[\s*"grad|UNIT\s*\[\s*"grad/i.test(text);
  return { isWgs84Geographic: WGS84_DATUMS.has(datum.toUpperCase().replace(/[^A-Z0-9]/g, '')) && isDegrees, name };
}

/**
 * The EPSG code that identifies the whole CRS: the last AUTHORITY["EPSG","n"] (WKT1) or ID["EPSG",n]
 * (WKT2) closing the top-level bracket. Codes nested deeper belong to the datum, ellipsoid or unit.
 */
function topLevelEpsgCode(text: string): string | undefined {
  const match = /(?:AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]|ID\s*\[\s*"EPSG"\s*,\s*(\d+)\s*\])\s*\]\s*$/i.exec(text);
  return match ? (match[1] ?? match[2]) : undefined;
}
