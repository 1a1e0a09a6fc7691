import { ApiError } from './api-error.ts';
import { requestJson } from './fetch-json.ts';

/**
 * The public map's tile archive: `npm run tiles:archive` publishes it under a content-hashed name and
 * writes the manifest `/archives/casa-sig-public.json` naming it (server/tiles/archive-manifest.ts). The
 * page reads the manifest on every load (it is always revalidated) and then the archive it names, whose
 * name never gets other bytes: a cache never mixes byte ranges of two builds.
 */
export const PUBLIC_ARCHIVE_MANIFEST_URL = '/archives/casa-sig-public.json';

/** What the map needs of the manifest: where the archive is, and which layers and zooms it holds. */
export interface PublicArchive {
  /** Root-relative URL on the app's own origin: `/archives/<name>.pmtiles`. */
  url: string;
  minZoom: number;
  maxZoom: number;
  /** Catalog layer ids drawn in the archive. */
  layers: readonly string[];
}

/** The archive names the server serves (server/routes/archives.ts), under /archives/ only. */
const ARCHIVE_URL = /^\/archives\/[a-z0-9][a-z0-9-]{0,63}\.pmtiles$/;
const LAYER_ID = /^[a-z][a-z0-9_]{0,62}$/;
/** Tile zooms a vector source may hold (MapLibre's limit). */
const MAX_ZOOM = 24;

const isZoom = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_ZOOM;

/**
 * The archive a manifest names, or null when the manifest is not one this page can use: anything but a
 * same-origin `/archives/….pmtiles` URL (never a request to another origin), zooms out of order, layer ids
 * that are not ids. A manifest the page cannot use means live tiles, never a broken map.
 */
export function parsePublicArchive(manifest: unknown): PublicArchive | null {
  if (typeof manifest !== 'object' || manifest === null) return null;
  const { url, minZoom, maxZoom, layers } = manifest as Record<string, unknown>;
  if (typeof url !== 'string' || !ARCHIVE_URL.test(url)) return null;
  if (!isZoom(minZoom) || !isZoom(maxZoom) || minZoom > maxZoom) return null;
  if (!Array.isArray(layers) || !layers.every((layer) => typeof layer === 'string' && LAYER_ID.test(layer))) return null;
  return { url, minZoom, maxZoom, layers: [...(layers as string[])] };
}

/**
 * GET the manifest: the current archive, or null when none is published (404) or the manifest cannot be
 * used. Other failures (the server down) are thrown, for the caller to fall back to live tiles.
 */
export async function fetchPublicArchive(signal?: AbortSignal): Promise<PublicArchive | null> {
  try {
    return parsePublicArchive(await requestJson(PUBLIC_ARCHIVE_MANIFEST_URL, { signal }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
