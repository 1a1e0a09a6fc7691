import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The client's one-way rule (README, "Client"), checked on every import of every file:
 * - only client/map/ imports MapLibre (and the drawing engine and the PMTiles reader that work on it);
 * - apps (explore, transit, plan, inspect, admin, staff) never import each other, and only the shell
 *   (client/app/) imports them, lazily;
 * - the shared folders are layered i18n <- api <- state <- map <- ui: each imports only the ones before it,
 *   never an app nor the shell.
 */

const CLIENT_DIR = import.meta.dirname;
const APPS = ['explore', 'transit', 'plan', 'inspect', 'admin', 'staff'];
const SHARED_LAYERS = ['i18n', 'api', 'state', 'map', 'ui'];
const MAP_ONLY_PACKAGES = [/^maplibre-gl(\/|$)/, /^terra-draw/, /^pmtiles(\/|$)/];

interface Import {
  file: string;
  folder: string;
  target: string;
  /** The client folder the import lands in, for imports inside client/. */
  targetFolder: string | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function folderOf(path: string): string {
  return relative(CLIENT_DIR, path).split(sep)[0] ?? '';
}

const IMPORT_PATTERN = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

const imports: Import[] = sourceFiles(CLIENT_DIR).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT_PATTERN)].map((match) => {
    const target = (match[1] ?? match[2] ?? match[3])!;
    const resolved = target.startsWith('.') ? resolve(dirname(file), target) : null;
    const isInClient = resolved !== null && !relative(CLIENT_DIR, resolved).startsWith('..');
    return { file: relative(CLIENT_DIR, file), folder: folderOf(file), target, targetFolder: isInClient ? folderOf(resolved) : null };
  });
});

describe('the client’s one-way rule', () => {
  it('reads the imports of the client', () => {
    expect(imports.length).toBeGreaterThan(100);
    expect(imports.some((entry) => entry.target === 'maplibre-gl')).toBe(true);
  });

  it('lets only client/map/ import MapLibre', () => {
    const offenders = imports.filter((entry) => MAP_ONLY_PACKAGES.some((pattern) => pattern.test(entry.target)) && entry.folder !== 'map');
    expect(offenders.map((entry) => `${entry.file} -> ${entry.target}`)).toEqual([]);
  });

  it('keeps apps out of each other, and out of everything but the shell', () => {
    const offenders = imports.filter(
      (entry) => entry.targetFolder !== null && APPS.includes(entry.targetFolder) && entry.targetFolder !== entry.folder && entry.folder !== 'app',
    );
    expect(offenders.map((entry) => `${entry.file} -> ${entry.target}`)).toEqual([]);
  });

  it('layers the shared folders i18n <- api <- state <- map <- ui, below the apps and the shell', () => {
    const offenders = imports.filter((entry) => {
      const from = SHARED_LAYERS.indexOf(entry.folder);
      if (from === -1 || entry.targetFolder === null || entry.targetFolder === entry.folder) return false;
      const to = SHARED_LAYERS.indexOf(entry.targetFolder);
      return to === -1 || to > from;
    });
    expect(offenders.map((entry) => `${entry.file} -> ${entry.target}`)).toEqual([]);
  });
});
