/**
 * `npm run sample:gtfs`: writes the sample network's GTFS feed (data/sample/gtfs-feed.ts), its stops and
 * lines placed on the OpenStreetMap streets (data/sample/transit-on-streets.ts), to
 * data/sample/casablanca-sample-gtfs.zip, which `npm start` loads with the rest of the sample data. Run it
 * after changing the sample lines; a unit test fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_GTFS_PATH, zipGtfsFiles } from '../data/sample/gtfs-feed.ts';
import { buildStreetGtfsFiles } from '../data/sample/transit-on-streets.ts';
import { PROJECT_ROOT } from '../server/config.ts';

const bytes = zipGtfsFiles(await buildStreetGtfsFiles());
writeFileSync(join(PROJECT_ROOT, SAMPLE_GTFS_PATH), bytes);
console.log(`wrote ${SAMPLE_GTFS_PATH} (${bytes.length} bytes)`);
