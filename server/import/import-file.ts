import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type pg from 'pg';
import type { Labels, LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { findInvalidGeometries } from './check-geometries.ts';
import { readColumnDefaults, type UnsetProperty, unsetProperties } from './column-defaults.ts';
import { fileIssue, type ImportIssue, labels, listNames } from './import-issue.ts';
import type { ImportOptions } from './import-options.ts';
import { parentOptionIssues } from './import-parents.ts';
import type { ImportRow } from './import-row.ts';
import { prepareRows } from './prepare-rows.ts';
import { readGeojson } from './read-geojson.ts';
import { readShapefileZip } from './read-shapefile-zip.ts';
import { failedDataset, type SourceDataset } from './source-dataset.ts';
import type { AttributeValues } from './value-tally.ts';
import { type ImportCounts, writeImport } from './write-import.ts';

/** The outcome of one import; `issues` empty and `status` 'imported' is the only case that wrote rows. */
export interface ImportReport {
  layerId: string;
  filePath: string;
  format?: SourceDataset['format'];
  status: 'imported' | 'dry-run' | 'rejected';
  /** Features read from the file. */
  featureCount: number;
  /** Features of the file taken (all, or those `--only` selects). */
  rowCount: number;
  /** What the import did (or would do, for a dry run) to the layer; absent when refused. */
  counts?: ImportCounts;
  /** Per attribute, each distinct source value and what it became. */
  values: AttributeValues[];
  /** Properties the file does not give, and what they are left as (unknown, or the column's default). */
  unset: UnsetProperty[];
  notes: Labels[];
  issues: ImportIssue[];
}

/** Keeps the features whose attributes hold one of the wanted values (`--only`); their positions stay those of the file. */
function selectFeatures(dataset: SourceDataset, only: ImportOptions['only']): SourceDataset {
  const filters = Object.entries(only ?? {});
  if (filters.length === 0) return dataset;
  const features = dataset.features.filter((feature) => filters.every(([attribute, values]) => values.includes(String(feature.properties[attribute] ?? ''))));
  return { ...dataset, features };
}

/** The properties an update of a kept feature sets: those the file gives, and the parent when it is linked. */
function providedProperties(layer: LayerDefinition, prepared: ReturnType<typeof prepareRows>, options: ImportOptions): string[] {
  const plan = prepared.plan!;
  const names = new Set([...plan.targets.values(), ...Object.keys(plan.constants), ...[...plan.splits.values()].flat()]);
  if (options.parent && layer.hierarchy) names.add(layer.hierarchy.parentProperty);
  return Object.keys(layer.properties).filter((name) => names.has(name));
}

/**
 * Where an import writes: a pool (the import is its own transaction), or a client inside the caller's
 * transaction (the sample data is loaded in one transaction, its imports included).
 */
type ImportDatabase = pg.Pool | pg.PoolClient;

/**
 * Imports a GeoJSON file or a zipped Shapefile into a registry layer. All or nothing: every feature is
 * read, mapped, validated against the registry (properties, then the rules over whole rows once parents
 * are linked) and its geometry checked by PostGIS; any issue and nothing is written, not even an id.
 * Otherwise the rows go in within ONE transaction (rolled back for a dry run) with their history. Throws
 * only for failures that are not the file's fault (database unreachable, for instance).
 */
export async function importFile(db: ImportDatabase, registry: LayerRegistry, layerId: string, filePath: string, options: ImportOptions = {}): Promise<ImportReport> {
  const layer = registry.find(layerId);
  if (!layer) return { ...emptyReport(layerId, filePath), issues: [unknownLayerIssue(layerId, registry.ids)] };
  return importDataset(db, registry, layerId, await readSource(filePath, layer.id), filePath, options);
}

function emptyReport(layerId: string, filePath: string): ImportReport {
  return { layerId, filePath, status: 'rejected', featureCount: 0, rowCount: 0, values: [], unset: [], notes: [], issues: [] };
}

/** importFile for features already read (`filePath` names their source in the report and the history). */
export async function importDataset(
  db: ImportDatabase,
  registry: LayerRegistry,
  layerId: string,
  read: SourceDataset,
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report = emptyReport(layerId, filePath);
  const layer = registry.find(layerId);
  if (!layer) return { ...report, issues: [unknownLayerIssue(layerId, registry.ids)] };
  Object.assign(report, { format: read.format, featureCount: read.features.length, notes: [...read.notes] });
  if (read.issues.some((issue) => issue.featureIndex === undefined)) return { ...report, issues: read.issues };
  if (read.features.length === 0 && read.issues.length === 0) return { ...report, issues: [noFeaturesIssue()] };
  const dataset = selectFeatures(read, options.only);
  report.rowCount = dataset.features.length;
  if (dataset.features.length === 0) return { ...report, issues: [noFeaturesSelectedIssue(options.only ?? {})] };
  if (dataset.features.length < read.features.length) report.notes.push(selectedNote(dataset.features.length, read.features.length));
  const optionIssues = parentOptionIssues(layer, options);
  if (optionIssues.length > 0) return { ...report, issues: optionIssues };
  const prepared = prepareRows(dataset, layer, options);
  report.notes.push(...prepared.notes);
  report.values = prepared.values;
  const issues = [...read.issues.filter((issue) => dataset.features.some((feature) => feature.index === issue.featureIndex)), ...prepared.issues];
  if (issues.length > 0) return { ...report, issues: sortIssues(issues) };
  const provided = providedProperties(layer, prepared, options);
  report.unset = unsetProperties(layer, provided, await readColumnDefaults(db, layer));
  const invalid = await findInvalidGeometries(db, prepared.rows.map((row) => row.geometry), layer.geometry.srid);
  if (invalid.length > 0) return { ...report, issues: invalid.map(({ position, reason }) => invalidGeometryIssue(prepared.rows[position]!, reason)) };
  const written = await writeImport(db, { layer, registry, rows: prepared.rows, options, providedProperties: provided, author: `import ${basename(filePath)}` });
  return { ...report, status: written.status, ...(written.counts ? { counts: written.counts } : {}), issues: sortIssues(written.issues) };
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

function noFeaturesSelectedIssue(only: NonNullable<ImportOptions['only']>): ImportIssue {
  const filter = Object.entries(only).map(([attribute, values]) => `${attribute}=${values.join(',')}`).join(' ');
  return fileIssue('no-features-selected', labels(`Aucun objet ne répond à --only ${filter}`, `لا يستجيب أي كائن لـ --only ${filter}`, `No feature matches --only ${filter}`));
}

function selectedNote(selected: number, total: number): Labels {
  return labels(`${selected} objet(s) sur ${total} retenus par --only`, `${selected} كائن من ${total} اختيرت بـ --only`, `${selected} of ${total} features selected by --only`);
}

function invalidGeometryIssue(row: ImportRow, reason: string): ImportIssue {
  return {
    featureIndex: row.featureIndex,
    pointer: '/geometry',
    code: 'invalid-geometry',
    message: labels(`géométrie invalide selon PostGIS : ${reason}`, `هندسة غير صالحة حسب PostGIS: ${reason}`, `invalid geometry according to PostGIS: ${reason}`),
  };
}
