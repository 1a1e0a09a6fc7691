import { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { ApiOperation } from '../http/api-operation.ts';
import { NotFoundError } from '../http/errors.ts';

/** The MIME type registered for PMTiles archives. */
export const PMTILES_CONTENT_TYPE = 'application/vnd.pmtiles';

/** The archive files served: lowercase letters, digits and hyphens, then .pmtiles (no dots, slashes or traversal). */
export const ARCHIVE_FILE_NAME = /^[a-z0-9][a-z0-9-]{0,63}\.pmtiles$/;

/** Rebuilt now and then (a snapshot); five minutes keeps a CDN in front useful and a rebuild visible soon. */
const ARCHIVE_MAX_AGE_MS = 5 * 60_000;

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
    response.sendFile(`${name}.pmtiles`, { root: archiveDir, maxAge: ARCHIVE_MAX_AGE_MS, dotfiles: 'deny' }, (error?: Error & { status?: number; code?: string }) => {
      // A directory under an archive's name is no archive either.
      if (error && !response.headersSent) next(error.status === 404 || error.code === 'EISDIR' ? missing() : error);
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
];
