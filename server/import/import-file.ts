import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type pg from 'pg';
import type { Labels, LayerDefinition } from '../layers/layer-definition.ts';
import { bboxOfGeometries } from '../layers/geometry-bbox.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { notifyTileChange } from '../tiles/tile-invalidation.ts';
import { findInvalidGeometries } from './check-geometries.ts';
import { findFailingRows, isDataError } from './find-failing-rows.ts';
import { fileIssue, type ImportIssue, labels, listNames } from './import-issue.ts';
import type { ImportOptions } from './import-options.ts';
import { type ImportRow, insertRows } from './insert-rows.ts';
import { prepareRows } from './prepare-rows.ts';
import { readGeojson } from './read-geojson.ts';
import { readShapefileZip } from './read-shapefile-zip.ts';
import { failedDataset, type SourceDataset } from './source-dataset.ts';

/** The outcome of one import; `issues` empty and `status` 'imported' is the only case that wrote rows. */
export interface ImportReport {
  layerId: string;
  filePath: string;
  format?: SourceDataset['format'];
  status: 'imported' | 'dry-run' | 'rejected';
  /** Features read from the file. */
  featureCount: number;
  /** Rows written ('imported'), or that would have been written ('dry-run'); 0 when rejected. */
  rowCount: number;
  notes: Labels[];
  issues: ImportIssue[];
}

/**
 * Imports a GeoJSON file or a zipped Shapefile into a registry layer. All or nothing: every feature is
 * read, mapped, validated against the registry and its geometry checked by PostGIS; any issue and
 * nothing is written. Otherwise every row goes in within ONE transaction (rolled back for a dry run).
 * Throws only for failures that are not the file's fault (database unreachable, for instance).
 */
export async function importFile(
  pool: pg.Pool,
  registry: LayerRegistry,
  layerId: string,
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { layerId, filePath, status: 'rejected', featureCount: 0, rowCount: 0, notes: [], issues: [] };
  const layer = registry.find(layerId);
  if (!layer) return { ...report, issues: [unknownLayerIssue(layerId, registry.ids)] };
  const dataset = await readSource(filePath, layer.id);
  Object.assign(report, { format: dataset.format, featureCount: dataset.features.length, notes: [...dataset.notes] });
  if (dataset.issues.some((issue) => issue.featureIndex === undefined)) return { ...report, issues: dataset.issues };
  if (dataset.features.length === 0 && dataset.issues.length === 0) return { ...report, issues: [noFeaturesIssue()] };
  const prepared = prepareRows(dataset, layer, options);
  report.notes.push(...prepared.notes);
  const issues = [...dataset.issues, ...prepared.issues];
  if (issues.length > 0) return { ...report, issues: sortIssues(issues) };
  const invalid = await findInvalidGeometries(pool, prepared.rows.map((row) => row.geometry), layer.geometry.srid);
  if (invalid.length > 0) return { ...report, issues: invalid.map(({ position, reason }) => invalidGeometryIssue(prepared.rows[position]!, reason)) };
  return { ...report, ...(await writeRows(pool, layer, prepared.rows, options.isDryRun === true)) };
}

/** Reads the file according to its extension (.geojson/.json, .zip), or its first bytes when unclear. */
export async function readSource(filePath: string, layerId: string): Promise<SourceDataset> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return failedDataset(undefined, [fileIssue('unreadable-file', labels(
      `Fichier illisible : ${filePath} (${reason})`,
      `ملف غير مقروء: ${filePath} (${reason})`,
      `Cannot read ${filePath} (${reason})`,
    ))]);
  }
  const extension = extname(filePath).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (extension === '.zip' || (isZip && !['.geojson', '.json'].includes(extension))) return readShapefileZip(bytes, layerId);
  if (['.geojson', '.json'].includes(extension) || /^(\uFEFF)?\s*[{[]/.test(new TextDecoder().decode(bytes.subarray(0, 64)))) return readGeojson(bytes);
  const message = extension === '.shp'
    ? labels(
      'Un .shp seul ne suffit pas : zippez-le avec ses .dbf, .shx, .prj (et .cpg)',
      'ملف .shp وحده لا يكفي: اضغطه في ZIP مع ملفات .dbf و .shx و .prj (و .cpg)',
      'A .shp alone is not enough: zip it with its .dbf, .shx, .prj (and .cpg)',
    )
    : labels(
      `Format non pris en charge (${extension || 'sans extension'}) : GeoJSON (.geojson) ou Shapefile zippé (.zip)`,
      `صيغة غير مدعومة (${extension || 'بلا امتداد'}): GeoJSON (.geojson) أو Shapefile مضغوط (.zip)`,
      `Unsupported format (${extension || 'no extension'}): GeoJSON (.geojson) or zipped Shapefile (.zip)`,
    );
  return failedDataset(undefined, [fileIssue('unsupported-format', message)]);
}

/** Inserts all rows in one transaction; a database refusal rolls everything back and is diagnosed per row. */
async function writeRows(pool: pg.Pool, layer: LayerDefinition, rows: ImportRow[], isDryRun: boolean): Promise<Pick<ImportReport, 'status' | 'rowCount' | 'issues'>> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    let rowCount: number;
    try {
      rowCount = await insertRows(client, layer, rows);
    } catch (error) {
      await client.query('ROLLBACK');
      if (!isDataError(error)) throw error;
      return { status: 'rejected', rowCount: 0, issues: await findFailingRows(client, layer, rows) };
    }
    // One box around everything imported: every server drops those tiles when (and only if) this commits.
    const bbox = bboxOfGeometries(rows.map((row) => row.geometry));
    if (bbox && !isDryRun) await notifyTileChange(client, { layer: layer.id, bboxes: [bbox] });
    await client.query(isDryRun ? 'ROLLBACK' : 'COMMIT');
    return { status: isDryRun ? 'dry-run' : 'imported', rowCount, issues: [] };
  } finally {
    client.release();
  }
}

/** File-level issues first, then by feature. */
function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => (a.issue.featureIndex ?? -1) - (b.issue.featureIndex ?? -1) || a.order - b.order)
    .map(({ issue }) => issue);
}

export function unknownLayerIssue(layerId: string, ids: readonly string[]): ImportIssue {
  const list = listNames(ids);
  return fileIssue('unknown-layer', labels(
    `Couche inconnue « ${layerId} ». Couches : ${list}`,
    `طبقة غير معروفة « ${layerId} ». الطبقات: ${list}`,
    `Unknown layer "${layerId}". Layers: ${list}`,
  ));
}

function noFeaturesIssue(): ImportIssue {
  return fileIssue('no-features', labels('Le fichier ne contient aucun objet', 'لا يحتوي الملف على أي كائن', 'The file holds no features'));
}

function invalidGeometryIssue(row: ImportRow, reason: string): ImportIssue {
  return {
    featureIndex: row.featureIndex,
    pointer: '/geometry',
    code: 'invalid-geometry',
    message: labels(`géométrie invalide selon PostGIS : ${reason}`, `هندسة غير صالحة حسب PostGIS: ${reason}`, `invalid geometry according to PostGIS: ${reason}`),
  };
}
