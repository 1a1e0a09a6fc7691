import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/**
 * Finds PostgreSQL and PostGIS on a Debian/Ubuntu machine, installing the Debian packages when running as
 * root (DEVELOPERS.md: a fresh machine needs nothing installed by hand). Without root it stops with the
 * exact command to run instead of guessing.
 */

const POSTGRES_LIB = '/usr/lib/postgresql';

export class MissingSystemPackageError extends Error {
  constructor(what: string, readonly command: string) {
    super(`${what} is not installed. Install it with:\n  sudo ${command}\nthen run the command again.`);
    this.name = 'MissingSystemPackageError';
  }
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Installed PostgreSQL server majors, highest first. */
function installedPostgresMajors(): number[] {
  if (!existsSync(POSTGRES_LIB)) return [];
  return readdirSync(POSTGRES_LIB)
    .filter((name) => /^\d+$/.test(name) && existsSync(`${POSTGRES_LIB}/${name}/bin/postgres`))
    .map(Number)
    .sort((a, b) => b - a);
}

let aptUpdated = false;

function aptInstall(packages: string[], log: (message: string) => void): void {
  const run = (args: string[]) => {
    const result = spawnSync('apt-get', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`apt-get ${args.join(' ')} failed:\n${result.stderr || result.stdout}`);
    }
  };
  if (!aptUpdated) {
    log('apt-get update');
    run(['update']);
    aptUpdated = true;
  }
  log(`apt-get install ${packages.join(' ')}`);
  run(['install', '-y', '--no-install-recommends', ...packages]);
}

/** The bin directory of the newest installed PostgreSQL server, installing one when possible. */
export function ensurePostgresBinDir(log: (message: string) => void): { binDir: string; major: number } {
  let majors = installedPostgresMajors();
  if (majors.length === 0) {
    const command = 'apt-get install -y --no-install-recommends postgresql postgresql-contrib';
    if (!isRoot()) throw new MissingSystemPackageError('The PostgreSQL server', command);
    aptInstall(['postgresql', 'postgresql-contrib'], log);
    majors = installedPostgresMajors();
    if (majors.length === 0) throw new Error('PostgreSQL was installed but no server binary was found');
  }
  const major = majors[0]!;
  return { binDir: `${POSTGRES_LIB}/${major}/bin`, major };
}

/** Makes sure the PostGIS 3 extension exists for this PostgreSQL major. */
export function ensurePostgis(major: number, log: (message: string) => void): void {
  if (existsSync(`/usr/share/postgresql/${major}/extension/postgis.control`)) return;
  const packageName = `postgresql-${major}-postgis-3`;
  if (!isRoot()) {
    throw new MissingSystemPackageError(`PostGIS for PostgreSQL ${major}`, `apt-get install -y --no-install-recommends ${packageName}`);
  }
  aptInstall([packageName], log);
}

/** Chromium for the browser tests (Playwright cannot download its own browser on these machines). */
export function ensureChromium(log: (message: string) => void): string {
  const path = '/usr/bin/chromium';
  if (existsSync(path)) return path;
  if (!isRoot()) throw new MissingSystemPackageError('Chromium', 'apt-get install -y --no-install-recommends chromium');
  aptInstall(['chromium'], log);
  return path;
}

/**
 * GDAL's command-line tools (Debian's gdal-bin) for the tests that copy layers with its OGC API - Features
 * client (OAPIF), as QGIS and the city's GIS officers do. Returns whether ogr2ogr is there.
 */
export function ensureGdal(log: (message: string) => void): boolean {
  if (existsSync('/usr/bin/ogr2ogr')) return true;
  if (!isRoot()) {
    log('GDAL is not installed (apt-get install -y --no-install-recommends gdal-bin): the OAPIF copy test will be skipped');
    return false;
  }
  aptInstall(['gdal-bin'], log);
  return existsSync('/usr/bin/ogr2ogr');
}
