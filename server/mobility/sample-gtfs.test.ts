import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SAMPLE_GTFS_PATH, zipGtfsFiles } from '../../data/sample/gtfs-feed.ts';
import { buildStreetGtfsFiles } from '../../data/sample/transit-on-streets.ts';
import { TRANSIT_ROUTES, TRANSIT_STOPS } from '../../data/sample/transit.ts';
import { PROJECT_ROOT } from '../config.ts';
import { IssueList } from './gtfs-issues.ts';
import { readGtfsFeed } from './import-gtfs.ts';

describe('the sample GTFS feed', () => {
  const committed = readFileSync(join(PROJECT_ROOT, SAMPLE_GTFS_PATH));

  it('is the file the generator writes, its lines on the OpenStreetMap streets (run npm run sample:gtfs after changing the sample lines)', async () => {
    expect(Buffer.from(zipGtfsFiles(await buildStreetGtfsFiles())).equals(committed)).toBe(true);
  }, 60_000);

  it('passes every check of the importer, with every line in both directions on both calendars', () => {
    const issues = new IssueList();
    const feed = readGtfsFeed(committed, issues);
    expect(issues.issues).toEqual([]);
    expect(feed!.routes.map((route) => route.routeId)).toEqual(TRANSIT_ROUTES.map((route) => route.lineCode));
    expect(feed!.stops).toHaveLength(TRANSIT_STOPS.length);
    expect(feed!.trips).toHaveLength(TRANSIT_ROUTES.length * 4);
    expect(feed!.translations.filter((entry) => entry.language === 'ar' && entry.tableName === 'stops')).toHaveLength(TRANSIT_STOPS.length);
    // Weekend trams run past midnight.
    expect(feed!.frequencies.some((frequency) => frequency.end > 24 * 3600)).toBe(true);
  });

  it('holds only the files GTFS defines', () => {
    expect(Object.keys(unzipSync(committed)).sort()).toEqual([
      'agency.txt', 'calendar.txt', 'calendar_dates.txt', 'feed_info.txt', 'frequencies.txt', 'routes.txt', 'shapes.txt', 'stop_times.txt',
      'stops.txt', 'transfers.txt', 'translations.txt', 'trips.txt',
    ]);
  });
});
