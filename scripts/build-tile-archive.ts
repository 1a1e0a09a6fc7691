import { basename, relative, resolve } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { RegionService, regionSettingsOf } from '../server/layers/region.ts';
import { LayerRegistry } from '../server/layers/registry.ts';
import { ARCHIVE_FILE_NAME } from '../server/routes/archives.ts';
import { publishArchive, writeAtomically } from '../server/tiles/archive-manifest.ts';
import { buildPublicArchive } from '../server/tiles/tile-archive.ts';
import { MAX_ZOOM } from '../server/tiles/tile-coordinates.ts';
import { optionValue, runWithDatabase } from './cli-database.ts';

/**
 * npm run tiles:archive: the public map as one PMTiles archive (server/tiles/tile-archive.ts), from the
 * configured database (DATABASE_URL, else the embedded cluster). Written to a temporary file beside the final
 * name, flushed to disk and renamed, so that a server or a sync job never reads half an archive.
 */
const USAGE = 'usage: npm run tiles:archive -- [--min-zoom 0] [--max-zoom 15] [--out <file>.pmtiles]';
/** Base name of the published archive: <base>-<content hash>.pmtiles and the manifest <base>.json. */
const ARCHIVE_BASE = 'casa-sig-public';
const OPTIONS = ['--min-zoom', '--max-zoom', '--out'];
const config = loadConfig();
/** Beyond z15 a map overzooms the archive's z15 tiles; z16 would quadruple the tiles for little detail. */
const DEFAULT_MAX_ZOOM = 15;
const CONCURRENCY = 4;

interface ArchiveArgs {
  minZoom: number;
  maxZoom: number;
  /** A file to write as is; absent: publish a content-hashed archive and its manifest in TILE_ARCHIVE_DIR. */
  out: string | undefined;
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
  const out = optionValue(args, '--out');
  return { minZoom, maxZoom, out: out === undefined ? undefined : resolve(out) };
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
  const registry = new LayerRegistry();
  const built = await buildPublicArchive(pool, registry, {
    region: await new RegionService(pool, registry, regionSettingsOf(config)).current(),
    minZoom: args.minZoom,
    maxZoom: args.maxZoom,
    concurrency: CONCURRENCY,
    statementTimeoutMs: config.TILE_STATEMENT_TIMEOUT_MS,
    onZoom: (z, tiles) => console.log(`z${z}: ${tiles} tiles with features`),
  });
  if (built.tiles === 0) throw new Error('no tile has a feature: is the database empty? (npm start loads the sample data)');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = `${built.tiles} tiles of ${built.layers.join(', ')}, z${args.minZoom}-z${args.maxZoom}, ${(built.archive.length / 1024).toFixed(0)} KB in ${seconds} s`;
  if (args.out === undefined) {
    const manifest = publishArchive(config.TILE_ARCHIVE_DIR, ARCHIVE_BASE, built.archive, {
      tiles: built.tiles, minZoom: args.minZoom, maxZoom: args.maxZoom, layers: built.layers,
    });
    console.log(`wrote ${manifest.archive}: ${summary}; ${ARCHIVE_BASE}.json names it (served at /archives/${ARCHIVE_BASE}.json)`);
    return;
  }
  writeAtomically(args.out, built.archive);
  console.log(`wrote ${relative(process.cwd(), args.out) || args.out}: ${summary}`);
  if (!ARCHIVE_FILE_NAME.test(basename(args.out))) {
    console.log(`note: the server serves only names like casa-sig-public.pmtiles (lowercase letters, digits, hyphens) at /archives/<name>.pmtiles`);
  }
});
