import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The manifest of the public map's archive: which file is current, for a page or a CDN to find it. */
export interface ArchiveManifest {
  /** File name of the current archive, e.g. casa-sig-public-3f2a9c0d1e4b5a67.pmtiles. */
  archive: string;
  /** Where the server serves it. */
  url: string;
  sha256: string;
  bytes: number;
  tiles: number;
  minZoom: number;
  maxZoom: number;
  layers: string[];
  builtAt: string;
}

/** Hex digits of the content hash in archive names: enough that two builds never share a name. */
const HASH_LENGTH = 16;

/** Writes the file under a temporary name, flushes it and renames it; nothing is left behind on failure. */
export function writeAtomically(path: string, bytes: Uint8Array): void {
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

/** Whether a file name is a content-addressed archive (its bytes never change under that name). */
export function isVersionedArchiveName(name: string): boolean {
  return new RegExp(`-[0-9a-f]{${HASH_LENGTH}}\\.pmtiles$`).test(name);
}

/**
 * Publishes an archive under a name made from its content hash (`<base>-<hash>.pmtiles`), then the
 * manifest `<base>.json` naming it, each written atomically and in that order: a reader that follows the
 * manifest always finds a complete archive, and since a name never gets other bytes, caches (browser,
 * CDN) can keep byte ranges forever without mixing two builds. The archive before is kept for readers
 * still on it; older ones of the same base are removed.
 */
export function publishArchive(directory: string, base: string, bytes: Uint8Array, info: Omit<ArchiveManifest, 'archive' | 'url' | 'sha256' | 'bytes' | 'builtAt'>): ArchiveManifest {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const archive = `${base}-${sha256.slice(0, HASH_LENGTH)}.pmtiles`;
  writeAtomically(join(directory, archive), bytes);
  const manifest: ArchiveManifest = { archive, url: `/archives/${archive}`, sha256, bytes: bytes.length, ...info, builtAt: new Date().toISOString() };
  const versions = readdirSync(directory)
    .filter((name) => name.startsWith(`${base}-`) && isVersionedArchiveName(name) && name.slice(base.length + 1).length === HASH_LENGTH + 8)
    .sort((a, b) => statSync(join(directory, b)).mtimeMs - statSync(join(directory, a)).mtimeMs);
  writeAtomically(join(directory, `${base}.json`), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const old of versions.filter((name) => name !== archive).slice(1)) rmSync(join(directory, old), { force: true });
  return manifest;
}
