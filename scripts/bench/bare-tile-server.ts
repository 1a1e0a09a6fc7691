import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { TileCoordinates } from '../../server/tiles/tile-coordinates.ts';

/**
 * The HTTP side of the benchmark's peer servers (plain-tile-server.ts, minimal-tile-server.ts): a bare
 * node:http server, as small as a tile server can be. No cache, no compression, no headers but the content
 * type and length; 204 for an empty tile, 404 for an unknown layer or path, 500 when rendering fails.
 * Prints "listening on http://127.0.0.1:<port>" and stops on SIGTERM / SIGINT.
 */

/** Numbers only: anything else is a 404, as in the peers. */
const TILE_PATH = /^\/tiles\/([a-z_]+)\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.mvt$/;

/** Renders one tile of a layer; undefined when the layer is unknown, an empty buffer when the tile is empty. */
export type RenderTile = (layerId: string, tile: TileCoordinates) => Promise<Buffer | undefined>;

export function serveBareTiles(render: RenderTile, stopRendering: () => Promise<void>): void {
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = TILE_PATH.exec(request.url ?? '');
    const mvt = match ? await render(match[1]!, { z: Number(match[2]), x: Number(match[3]), y: Number(match[4]) }) : undefined;
    if (mvt === undefined) {
      response.writeHead(404).end();
    } else if (mvt.length === 0) {
      response.writeHead(204).end();
    } else {
      response.writeHead(200, { 'Content-Type': 'application/vnd.mapbox-vector-tile', 'Content-Length': mvt.length }).end(mvt);
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  });
  const stop = () => {
    server.close(() => void stopRendering().then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
