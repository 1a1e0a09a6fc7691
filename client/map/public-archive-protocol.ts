import * as maplibregl from 'maplibre-gl';
import { Protocol } from 'pmtiles';

let isRegistered = false;

/**
 * Teaches MapLibre the `pmtiles://<archive URL>/{z}/{x}/{y}` tile URLs of the public archive's source
 * (map/style/tile-sources.ts): each tile is read from the archive with HTTP Range requests, on the app's own
 * origin, by the official PMTiles reader, which keeps the archive's header and directories once read. Called
 * once per page; the protocol lives as long as the page.
 */
export function registerPublicArchiveProtocol(): void {
  if (isRegistered) return;
  // Its tile answers are what MapLibre expects; only its TileJSON answer (unused here) is typed loosely.
  maplibregl.addProtocol('pmtiles', new Protocol().tilev4 as maplibregl.AddProtocolAction);
  isRegistered = true;
}
