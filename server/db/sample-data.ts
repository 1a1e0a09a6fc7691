import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type pg from 'pg';
import { SAMPLE_GTFS_PATH } from '../../data/sample/gtfs-feed.ts';
import { OSM_ROAD_IMPORT, OSM_ROADS_PATH } from '../../data/sample/osm-data.ts';
import { type SampleDataset, loadSampleDataset } from '../../data/sample/sample-dataset.ts';
import { PROJECT_ROOT } from '../config.ts';
import { formatImportReport } from '../import/format-import-report.ts';
import { type ImportReport, importDataset, importFile } from '../import/import-file.ts';
import type { ImportOptions } from '../import/import-options.ts';
import { readGeojsonDocument } from '../import/read-geojson.ts';
import { LayerRegistry } from '../layers/registry.ts';
import { formatGtfsIssue, IssueList } from '../mobility/gtfs-issues.ts';
import { readGtfsFeed, writeGtfsFeed } from '../mobility/import-gtfs.ts';

/** Counts of rows written per table by loadSampleData. */
export type SampleDataSummary = Record<string, number>;

/** Rows per INSERT: keeps each JSON parameter around a megabyte at most. */
const BATCH_SIZE = 2_000;

/** GeoJSON (RFC 7946, so EPSG:4326) of a recordset column named `geometry`, tagged with its SRID. */
const GEOMETRY = 'ST_SetSRID(ST_GeomFromGeoJSON(r.geometry::text), 4326)';

const INSERT_PERMITS = `
INSERT INTO permits (reference, kind, status, submitted_on, decided_on, valid_until, description_fr, description_ar,
                     applicant_name, applicant_phone, applicant_email, geom)
SELECT r.reference, r.kind, r.status, r.submitted_on, r.decided_on, r.valid_until, r.description_fr, r.description_ar,
       r.applicant_name, r.applicant_phone, r.applicant_email, ${GEOMETRY}
  FROM json_to_recordset($1::json) AS r(
    reference text, kind text, status text, submitted_on date, decided_on date, valid_until date,
    description_fr text, description_ar text, applicant_name text, applicant_phone text, applicant_email text,
    geometry json)`;

/** Ids are taken from the identity sequence first, so inspections can point at their establishment. */
const RESERVE_ESTABLISHMENT_IDS = `
SELECT nextval(pg_get_serial_sequence('establishments', 'id')) AS id FROM generate_series(1, $1::integer) ORDER BY 1`;

const INSERT_ESTABLISHMENTS = `
INSERT INTO establishments (id, name_fr, name_ar, category, address_fr, operator_name, latest_grade, geom)
SELECT r.id, r.name_fr, r.name_ar, r.category, r.address_fr, r.operator_name, r.latest_grade, ${GEOMETRY}
  FROM json_to_recordset($1::json) AS r(
    id bigint, name_fr text, name_ar text, category text, address_fr text, operator_name text, latest_grade text,
    geometry json)`;

/** geom is left out: the inspections_place trigger copies the establishment's point. */
const INSERT_INSPECTIONS = `
INSERT INTO inspections (establishment_id, inspected_on, inspector_name, score, grade, violations, outcome,
                         follow_up_on, notes)
SELECT r.establishment_id, r.inspected_on, r.inspector_name, r.score, r.grade, r.violations, r.outcome,
       r.follow_up_on, r.notes
  FROM json_to_recordset($1::json) AS r(
    establishment_id bigint, inspected_on date, inspector_name text, score smallint, grade text, violations text[],
    outcome text, follow_up_on date, notes text)`;

/** Runs one INSERT ... FROM json_to_recordset($1) per batch of rows; returns the rows written. */
async function insertInBatches(client: pg.ClientBase, sql: string, rows: readonly object[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const result = await client.query(sql, [JSON.stringify(rows.slice(start, start + BATCH_SIZE))]);
    written += result.rowCount ?? 0;
  }
  return written;
}

/** An import of the sample: refused, it is a bug of the sample, not the user's data. */
async function importSample(report: Promise<ImportReport>): Promise<number> {
  const done = await report;
  if (done.status !== 'imported') throw new Error(`The sample data does not import: ${formatImportReport(done, 'en', 5)}`);
  return (done.counts?.created ?? 0) + (done.counts?.updated ?? 0);
}

/**
 * The arrondissements, through the importer as a city would load its own: each names its préfecture by
 * code, and the préfectures are derived by dissolving their arrondissements.
 */
function loadAdminAreas(client: pg.PoolClient, registry: LayerRegistry, dataset: SampleDataset): Promise<number> {
  const options: ImportOptions = {
    parent: { attribute: 'prefecture_code', property: 'code' },
    deriveParents: { level: 'prefecture', from: { name_fr: 'prefecture_name_fr', name_ar: 'prefecture_name_ar', population: 'prefecture_population' } },
    key: 'code',
  };
  const read = readGeojsonDocument(dataset.arrondissements);
  return importSample(importDataset(client, registry, registry.areas.id, read, 'casa-sig-sample-arrondissements.geojson', options));
}

/** Casablanca's streets: the OpenStreetMap roads shipped in data/osm, through the importer (keyed by way id). */
function loadRoads(client: pg.PoolClient, registry: LayerRegistry): Promise<number> {
  const streets = registry.streets;
  if (!streets) return Promise.resolve(0);
  return importSample(importFile(client, registry, streets.id, join(PROJECT_ROOT, OSM_ROADS_PATH), OSM_ROAD_IMPORT));
}

/**
 * The tram, busway and bus lines come as the sample GTFS feed (data/sample/casablanca-sample-gtfs.zip,
 * written by `npm run sample:gtfs`), loaded by the GTFS importer: its tables, then the transit layers
 * (without history, like the rest of the sample data).
 */
async function loadTransit(client: pg.ClientBase): Promise<SampleDataSummary> {
  const bytes = await readFile(join(PROJECT_ROOT, SAMPLE_GTFS_PATH));
  const issues = new IssueList();
  const feed = readGtfsFeed(bytes, issues);
  if (!feed) throw new Error(`The sample GTFS feed is broken: ${issues.issues.map((issue) => formatGtfsIssue(issue, 'en')).join('; ')}`);
  const identity = { sha256: createHash('sha256').update(bytes).digest('hex'), fileName: basename(SAMPLE_GTFS_PATH) };
  const written = await writeGtfsFeed(client, new LayerRegistry(), feed, identity, { isApproximate: true, history: null });
  const routeStops = await client.query('SELECT count(*)::int AS total FROM transit_route_stops');
  return {
    transit_routes: written.layers.transit_routes?.created ?? 0,
    transit_stops: written.layers.transit_stops?.created ?? 0,
    transit_route_stops: routeStops.rows[0].total,
    gtfs_trips: written.rowCounts.trips ?? 0,
    gtfs_stop_times: written.rowCounts.stop_times ?? 0,
  };
}

async function loadHygiene(client: pg.ClientBase, dataset: SampleDataset): Promise<SampleDataSummary> {
  const reserved = await client.query<{ id: number | string }>(RESERVE_ESTABLISHMENT_IDS, [dataset.establishments.length]);
  const ids = reserved.rows.map((row) => Number(row.id));
  const establishments = dataset.establishments.map((establishment, index) => ({ id: ids[index], ...establishment }));
  const inspections = dataset.inspections.map(({ establishment_index: index, ...inspection }) => ({
    establishment_id: ids[index],
    ...inspection,
  }));
  return {
    establishments: await insertInBatches(client, INSERT_ESTABLISHMENTS, establishments),
    inspections: await insertInBatches(client, INSERT_INSPECTIONS, inspections),
  };
}

/**
 * Writes the Casablanca sample data inside the caller's transaction: the 16 arrondissements of the commune
 * (the project's own approximate borders inside OpenStreetMap's outline of the city) and their 8
 * préfectures, and Casablanca's real streets (OpenStreetMap, ODbL) through the importer, with their history;
 * the tram, busway and bus lines on those streets as the sample GTFS feed; fictitious permits,
 * establishments and inspections beside them. Returns the rows written per table.
 */
export async function loadSampleData(client: pg.PoolClient): Promise<SampleDataSummary> {
  const dataset = await loadSampleDataset();
  const registry = new LayerRegistry();
  return {
    admin_areas: await loadAdminAreas(client, registry, dataset),
    road_segments: await loadRoads(client, registry),
    ...(await loadTransit(client)),
    permits: await insertInBatches(client, INSERT_PERMITS, dataset.permits),
    ...(await loadHygiene(client, dataset)),
  };
}
