import { unzipSync } from 'fflate';
import { type CsvTable, parseCsv } from './csv.ts';
import type { IssueList } from './gtfs-issues.ts';

/** The GTFS files casa-sig reads; any other file in the archive is ignored. */
export const GTFS_FILES = [
  'agency.txt',
  'stops.txt',
  'routes.txt',
  'trips.txt',
  'stop_times.txt',
  'calendar.txt',
  'calendar_dates.txt',
  'shapes.txt',
  'frequencies.txt',
  'transfers.txt',
  'translations.txt',
  'feed_info.txt',
] as const;

export type GtfsFileName = (typeof GTFS_FILES)[number];

export const REQUIRED_FILES: readonly GtfsFileName[] = ['agency.txt', 'stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt'];

/**
 * Unzips a feed and parses its CSV files. Files may sit at the root of the archive or in one folder
 * (a common way of zipping a directory). Missing required files and an unreadable archive are issues;
 * absent optional files are simply absent from the result.
 */
export function readGtfsZip(bytes: Uint8Array, issues: IssueList): Map<GtfsFileName, CsvTable> | undefined {
  let entries: Record<string, Uint8Array>;
  try {
    const wanted = new Set<string>(GTFS_FILES);
    entries = unzipSync(bytes, { filter: (file) => wanted.has(file.name.split('/').pop() ?? '') });
  } catch {
    issues.add({ file: '', code: 'not-a-zip' });
    return undefined;
  }
  const decoder = new TextDecoder('utf-8');
  const tables = new Map<GtfsFileName, CsvTable>();
  for (const [path, content] of Object.entries(entries)) {
    const name = path.split('/').pop() as GtfsFileName;
    // A file at the root wins over one in a folder (macOS archives add __MACOSX/ copies).
    if (tables.has(name) && path.includes('/')) continue;
    tables.set(name, parseCsv(decoder.decode(content)));
  }
  for (const file of REQUIRED_FILES) if (!tables.has(file)) issues.add({ file, code: 'missing-file' });
  if (!tables.has('calendar.txt') && !tables.has('calendar_dates.txt')) issues.add({ file: 'calendar.txt', code: 'no-calendar' });
  return tables;
}
