import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { LayerRegistry } from '../server/layers/registry.ts';
import { ARCHIVE_FILE_NAME } from '../server/routes/archives.ts';
import { buildPublicArchive } from '../server/tiles/tile-archive.ts';
import { MAX_ZOOM } from '../server/tiles/tile-coordinates.ts';
import { optionValue, runWithDatabase } from './cli-database.ts';

/**
 * npm run tiles:archive: the public map as one PMTiles archive (server/tiles/tile-archive.ts), from the
 * configured database (DATABASE_URL, else the embedded cluster). Written to a temporary file beside the final
 * name, flushed to disk and renamed, so that a server or a sync job never reads half an archive.
 */
const USAGE = 'usage: npm run tiles:archive -- [--min-zoom 0] [--max-zoom 15] [--out <file>.pmtiles]';
const OPTIONS = ['--min-zoom', '--max-zoom', '--out'];
const config = loadConfig();
/** Where the server serves it from: /archives/casa-sig-public.pmtiles. */
const DEFAULT_OUT = join(config.TILE_ARCHIVE_DIR, 'casa-sig-public.pmtiles');
/** Beyond z15 a map overzooms the archive's z15 tiles; z16 would quadruple the tiles for little detail. */
const DEFAULT_MAX_ZOOM = 15;
const CONCURRENCY = 4;

interface ArchiveArgs {
  minZoom: number;
  maxZoom: number;
  out: string;
}

function parseArgs(args: readonly string[]): ArchiveArgs {
  const unknown = args.filter((arg, index) => arg.startsWith('--') && !OPTIONS.includes(arg) && !OPTIONS.includes(args[index - 1] ?? ''));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(', ')}\n${USAGE}`);
  for (const option of OPTIONS) {
    if (args.includes(option) && optionValue(args, option) === undefined) throw new Error(`${option} needs a value\n${USAGE}`);
  }
  const zoom = (name: string, fallback: number) => {
    const text = optionValue(args, name);
    if (text === undefined) return fallback;
    if (!/^\d{1,2}$/.test(text) || Number(text) > MAX_ZOOM) throw new Error(`${name} must be a zoom from 0 to ${MAX_ZOOM}\n${USAGE}`);
    return Number(text);
  };
  const minZoom = zoom('--min-zoom', 0);
  const maxZoom = zoom('--max-zoom', DEFAULT_MAX_ZOOM);
  if (minZoom > maxZoom) throw new Error(`--min-zoom ${minZoom} is above --max-zoom ${maxZoom}`);
  return { minZoom, maxZoom, out: resolve(optionValue(args, '--out') ?? DEFAULT_OUT) };
}

/** Writes the file under a temporary name, flushes it and renames it; nothing is left behind on failure. */
function writeAtomically(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  try {
    const fd = openSync(partial, 'w');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

let args: ArchiveArgs;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}

await runWithDatabase(async ({ pool }) => {
  const started = performance.now();
  const built = await buildPublicArchive(pool, new LayerRegistry(), {
    minZoom: args.minZoom,
    maxZoom: args.maxZoom,
    concurrency: CONCURRENCY,
    statementTimeoutMs: config.TILE_STATEMENT_TIMEOUT_MS,
    onZoom: (z, tiles) => console.log(`z${z}: ${tiles} tiles with features`),
  });
  if (built.tiles === 0) throw new Error('no tile has a feature: is the database empty? (npm start loads the sample data)');
  writeAtomically(args.out, built.archive);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`wrote ${relative(process.cwd(), args.out) || args.out}: ${built.tiles} tiles of ${built.layers.join(', ')}, z${args.minZoom}-z${args.maxZoom}, ${(built.archive.length / 1024).toFixed(0)} KB in ${seconds} s`);
  if (!ARCHIVE_FILE_NAME.test(basename(args.out))) {
    console.log(`note: the server serves only names like casa-sig-public.pmtiles (lowercase letters, digits, hyphens) at /archives/<name>.pmtiles`);
  }
});
