import { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { ApiOperation } from '../http/api-operation.ts';
import { NotFoundError } from '../http/errors.ts';
import { isVersionedArchiveName } from '../tiles/archive-manifest.ts';

/** The MIME type registered for PMTiles archives. */
export const PMTILES_CONTENT_TYPE = 'application/vnd.pmtiles';

/** The archive files served: lowercase letters, digits and hyphens, then .pmtiles (no dots, slashes or traversal). */
export const ARCHIVE_FILE_NAME = /^[a-z0-9][a-z0-9-]{0,63}\.pmtiles$/;

/** Rebuilt now and then (a snapshot); five minutes keeps a CDN in front useful and a rebuild visible soon. */
const ARCHIVE_MAX_AGE_MS = 5 * 60_000;
/** A content-hashed archive never changes under its name: caches may keep it (and its byte ranges) for a year. */
const VERSIONED_MAX_AGE_MS = 365 * 86_400_000;
/** Manifests (`npm run tiles:archive` writes casa-sig-public.json) name the current archive. */
const MANIFEST_FILE_NAME = /^[a-z0-9][a-z0-9-]{0,63}\.json$/;

/**
 * GET /archives/{name}.pmtiles: the tile archives of `npm run tiles:archive` (server/tiles/tile-archive.ts),
 * public like the map they hold (every such file in TILE_ARCHIVE_DIR is public), with HTTP Range requests,
 * which is how PMTiles readers fetch a tile, and ETag / Last-Modified for revalidation. A reader that sees
 * the ETag change (a rebuild) starts again from the header.
 */
export function createArchiveRouter(archiveDir: string): Router {
  const router = Router();
  router.get('/archives/:name.pmtiles', (request: Request, response: Response, next: NextFunction) => {
    const name = String(request.params.name);
    if (!ARCHIVE_FILE_NAME.test(`${name}.pmtiles`)) throw new NotFoundError('archive-not-found', 'No such archive');
    const missing = () => new NotFoundError('archive-not-found', `No archive named ${name}.pmtiles`);
    response.type(PMTILES_CONTENT_TYPE);
    const isVersioned = isVersionedArchiveName(`${name}.pmtiles`);
    const options = { root: archiveDir, maxAge: isVersioned ? VERSIONED_MAX_AGE_MS : ARCHIVE_MAX_AGE_MS, immutable: isVersioned, dotfiles: 'deny' as const };
    response.sendFile(`${name}.pmtiles`, options, (error?: Error & { status?: number; code?: string }) => {
      // A directory under an archive's name is no archive either.
      if (error && !response.headersSent) next(error.status === 404 || error.code === 'EISDIR' ? missing() : error);
    });
  });
  router.get('/archives/:name.json', (request: Request, response: Response, next: NextFunction) => {
    const name = String(request.params.name);
    if (!MANIFEST_FILE_NAME.test(`${name}.json`)) throw new NotFoundError('manifest-not-found', 'No such manifest');
    // Always revalidated: it is how readers learn of a new archive.
    response.set('Cache-Control', 'no-cache');
    response.sendFile(`${name}.json`, { root: archiveDir, cacheControl: false, dotfiles: 'deny' }, (error?: Error & { status?: number; code?: string }) => {
      if (error && !response.headersSent) next(error.status === 404 || error.code === 'EISDIR' ? new NotFoundError('manifest-not-found', `No manifest named ${name}.json`) : error);
    });
  });
  return router;
}

export const archiveOperations: ApiOperation[] = [
  {
    method: 'get', path: '/archives/{name}.pmtiles', tag: 'map', access: 'public', params: z.strictObject({ name: z.string() }), responseType: PMTILES_CONTENT_TYPE,
    summary: 'A PMTiles v3 archive of the public map (npm run tiles:archive); read it with HTTP Range requests',
    responses: { 200: 'The archive', 206: 'A byte range of it', 304: 'Not modified', 404: 'No such archive', 416: 'Range not satisfiable' },
  },
  {
    method: 'get', path: '/archives/{name}.json', tag: 'map', access: 'public', params: z.strictObject({ name: z.string() }),
    summary: 'The manifest naming the current archive (casa-sig-public.json): its content-hashed file name, URL, checksum, zooms and layers',
    description: 'Archives published by npm run tiles:archive are named by their content hash and cached for a year (immutable); the manifest is revalidated on every use, so a reader never mixes byte ranges of two builds.',
    responses: { 200: 'The manifest', 304: 'Not modified', 404: 'No such manifest' },
  },
];
