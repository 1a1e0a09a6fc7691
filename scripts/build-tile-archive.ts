import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { LayerRegistry } from '../server/layers/registry.ts';
import { buildPublicArchive } from '../server/tiles/tile-archive.ts';
import { MAX_ZOOM } from '../server/tiles/tile-coordinates.ts';
import { optionValue, runWithDatabase } from './cli-database.ts';

/**
 * npm run tiles:archive: the public map as one PMTiles archive (server/tiles/tile-archive.ts), from the
 * configured database (DATABASE_URL, else the embedded cluster). Written beside the final name and renamed,
 * so that a server or a sync job never reads half an archive.
 */
const USAGE = 'usage: npm run tiles:archive -- [--min-zoom 0] [--max-zoom 15] [--out <file>.pmtiles]';
/** Where the server serves it from: /archives/casa-sig-public.pmtiles. */
const DEFAULT_OUT = join(loadConfig().TILE_ARCHIVE_DIR, 'casa-sig-public.pmtiles');
/** Beyond z15 a map overzooms the archive's z15 tiles; z16 would quadruple the tiles for little detail. */
const DEFAULT_MAX_ZOOM = 15;
const CONCURRENCY = 4;

function zoomOption(args: readonly string[], name: string, fallback: number): number {
  const text = optionValue(args, name);
  if (text === undefined) return fallback;
  if (!/^\d{1,2}$/.test(text) || Number(text) > MAX_ZOOM) throw new Error(`${name} must be a zoom from 0 to ${MAX_ZOOM}\n${USAGE}`);
  return Number(text);
}

const args = process.argv.slice(2);
await runWithDatabase(async ({ pool }) => {
  const unknown = args.filter((arg) => arg.startsWith('--') && !['--min-zoom', '--max-zoom', '--out'].includes(arg));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(', ')}\n${USAGE}`);
  const minZoom = zoomOption(args, '--min-zoom', 0);
  const maxZoom = zoomOption(args, '--max-zoom', DEFAULT_MAX_ZOOM);
  if (minZoom > maxZoom) throw new Error(`--min-zoom ${minZoom} is above --max-zoom ${maxZoom}`);
  const out = resolve(optionValue(args, '--out') ?? DEFAULT_OUT);
  const started = performance.now();
  const built = await buildPublicArchive(pool, new LayerRegistry(), {
    minZoom,
    maxZoom,
    concurrency: CONCURRENCY,
    onZoom: (z, tiles) => console.log(`z${z}: ${tiles} tiles with features`),
  });
  if (built.tiles === 0) throw new Error('no tile has a feature: is the database empty? (npm start loads the sample data)');
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  writeFileSync(partial, built.archive);
  renameSync(partial, out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`wrote ${relative(process.cwd(), out) || out}: ${built.tiles} tiles of ${built.layers.join(', ')}, z${minZoom}-z${maxZoom}, ${(built.archive.length / 1024).toFixed(0)} KB in ${seconds} s`);
});
