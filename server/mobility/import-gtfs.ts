import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { isDataError } from '../import/database-refusals.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { checkGtfsFeed } from './check-gtfs-feed.ts';
import { type GtfsIssue, IssueList } from './gtfs-issues.ts';
import type { GtfsFeed } from './gtfs-model.ts';
import { parseGtfsTables } from './parse-gtfs-tables.ts';
import { readGtfsZip } from './read-gtfs-zip.ts';
import { type FeedIdentity, type StoreProgress, storeGtfsFeed } from './store-gtfs.ts';
import { type HistoryAuthor, type SyncCounts, syncTransitLayers } from './sync-transit-layers.ts';
import { notifyTimetableChange } from './timetable-channel.ts';
import { buildTransitFeatures } from './transit-features.ts';

export interface GtfsImportOptions {
  /** Positions not surveyed (the sample): the features say so with is_approximate. */
  isApproximate?: boolean;
  /** Check and write everything, then roll back. */
  isDryRun?: boolean;
  /** Called with a line of text at each step and during long writes. */
  onProgress?: (message: string) => void;
}

/** The outcome of one import; only status 'imported' changed anything. */
export interface GtfsImportReport {
  filePath: string;
  status: 'imported' | 'dry-run' | 'rejected';
  /** Rows per gtfs table (written, or that would have been). */
  rowCounts: Record<string, number>;
  layers: SyncCounts;
  /** Stops left off the map because no trip calls at them. */
  unservedStops: number;
  issues: GtfsIssue[];
  /** Issues found beyond those kept in `issues`. */
  droppedIssues: number;
  durationMs: number;
}

/** Reads and checks a zipped feed; undefined (and issues) when it cannot be imported. */
export function readGtfsFeed(bytes: Uint8Array, issues: IssueList): GtfsFeed | undefined {
  const tables = readGtfsZip(bytes, issues);
  if (!tables) return undefined;
  const feed = parseGtfsTables(tables, issues);
  checkGtfsFeed(feed, issues);
  return issues.count === 0 ? feed : undefined;
}

/**
 * Writes a checked feed inside the caller's transaction: the gtfs tables replaced, the transit layers
 * refreshed (with history when `history` is given), tiles and timetables told on commit.
 */
export async function writeGtfsFeed(
  client: pg.ClientBase,
  registry: LayerRegistry,
  feed: GtfsFeed,
  identity: FeedIdentity,
  options: { isApproximate: boolean; history: HistoryAuthor | null; progress?: StoreProgress },
): Promise<Pick<GtfsImportReport, 'rowCounts' | 'layers' | 'unservedStops'>> {
  const rowCounts = await storeGtfsFeed(client, feed, identity, options.progress);
  const features = buildTransitFeatures(feed, { isApproximate: options.isApproximate });
  const layers = await syncTransitLayers(client, registry, features, options.history);
  await notifyTimetableChange(client, identity.sha256);
  return { rowCounts, layers, unservedStops: features.unservedStops };
}

/**
 * `npm run import:gtfs`: reads a zipped GTFS feed, checks it whole (files, columns, values, references,
 * times) and, if nothing is wrong, replaces the feed in place in ONE transaction. Any issue and nothing
 * is written: the previous feed stays. Throws only for failures that are not the feed's fault.
 */
export async function importGtfs(pool: pg.Pool, registry: LayerRegistry, filePath: string, options: GtfsImportOptions = {}): Promise<GtfsImportReport> {
  const started = performance.now();
  const say = options.onProgress ?? (() => undefined);
  const report: GtfsImportReport = { filePath, status: 'rejected', rowCounts: {}, layers: {}, unservedStops: 0, issues: [], droppedIssues: 0, durationMs: 0 };
  const finish = () => ({ ...report, durationMs: Math.round(performance.now() - started) });
  const issues = new IssueList();
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch {
    issues.add({ file: basename(filePath), code: 'not-a-zip' });
    return { ...finish(), issues: issues.issues };
  }
  say(`reading ${basename(filePath)} (${Math.round(bytes.length / 1024)} KB)`);
  const feed = readGtfsFeed(bytes, issues);
  if (!feed) return { ...finish(), issues: issues.issues, droppedIssues: issues.dropped };
  const stopTimeCount = [...feed.stopTimes.values()].reduce((sum, list) => sum + list.length, 0);
  say(`checked: ${feed.stops.length} stops, ${feed.routes.length} routes, ${feed.trips.length} trips, ${stopTimeCount} stop times`);
  const identity = { sha256: createHash('sha256').update(bytes).digest('hex'), fileName: basename(filePath) };
  const progress: StoreProgress = (table, done, total) => {
    if (total >= 20_000) say(`writing ${table}: ${done} / ${total} (${Math.round((100 * done) / total)}%)`);
  };
  const history = { author: 'import:gtfs', reason: `GTFS feed ${identity.fileName} (sha256 ${identity.sha256.slice(0, 12)})` };
  try {
    const written = await inTransaction(pool, async (client) => {
      const result = await writeGtfsFeed(client, registry, feed, identity, { isApproximate: options.isApproximate === true, history, progress });
      if (options.isDryRun) throw new DryRunDone(result);
      return result;
    });
    Object.assign(report, written, { status: 'imported' });
  } catch (error) {
    if (error instanceof DryRunDone) Object.assign(report, error.result, { status: 'dry-run' });
    else if (isDataError(error)) report.issues = [{ file: identity.fileName, code: 'database-rule', value: error.constraint ?? error.code ?? '' }];
    else throw error;
  }
  return finish();
}

/** Thrown to roll a dry run back once everything is written. */
class DryRunDone extends Error {
  constructor(readonly result: Pick<GtfsImportReport, 'rowCounts' | 'layers' | 'unservedStops'>) {
    super('dry run');
  }
}
