import { unzipSync } from 'fflate';
import { openShp } from 'shapefile';
import type { Labels } from '../layers/layer-definition.ts';
import { toJsonPointer } from '../layers/property-validation.ts';
import { describePrj } from './describe-prj.ts';
import { DbfEncodingError, type DbfTable, readDbf } from './read-dbf.ts';
import { fileIssue, type ImportIssue, labels, listNames } from './import-issue.ts';
import { failedDataset, type SourceDataset, type SourceFeature } from './source-dataset.ts';

/** Largest uncompressed member read from an archive: a guard against zip bombs (512 MiB). */
const MAX_MEMBER_BYTES = 512 * 1024 * 1024;

/**
 * Deflate cannot expand data more than about 1,032 times; a member claiming more than this many bytes per
 * compressed byte has a damaged or forged header, and fflate would allocate what it claims before finding out.
 */
const MAX_EXPANSION = 1_100;

interface ZipMember {
  path: string;
  /** Uncompressed size, as the archive's header claims it. */
  size: number;
  compressedSize: number;
}

/**
 * Reads a zipped ESRI Shapefile in memory (fflate): the .shp (geometries, through the `shapefile`
 * package) with its .dbf (attributes, read-dbf.ts), and the optional .prj (must be geographic WGS 84)
 * and .cpg (code page of the DBF text; UTF-8 when absent, since that is what GDAL and QGIS write today).
 * `layerId` picks the shapefile when the archive holds several. Nothing is written to disk.
 */
export async function readShapefileZip(bytes: Uint8Array, layerId: string): Promise<SourceDataset> {
  let members: ZipMember[];
  try {
    members = listZipMembers(bytes);
  } catch (error) {
    return failedDataset('shapefile', [zipIssue((error as Error).message)]);
  }
  const chosen = chooseShapefile(members, layerId);
  if ('issue' in chosen) return failedDataset('shapefile', [chosen.issue]);
  const base = chosen.shp.path.slice(0, -4);
  const sibling = (extension: string) => members.find((member) => member.path.toLowerCase() === `${base}.${extension}`.toLowerCase());
  const [dbf, prj, cpg] = [sibling('dbf'), sibling('prj'), sibling('cpg')];
  if (!dbf) {
    return failedDataset('shapefile', [fileIssue('missing-dbf', labels(
      `${chosen.shp.path} n’a pas de fichier .dbf : les attributs manquent`,
      `الملف ${chosen.shp.path} بدون ملف .dbf: الخصائص مفقودة`,
      `${chosen.shp.path} has no .dbf file: the attributes are missing`,
    ))]);
  }
  const read = [chosen.shp, dbf, prj, cpg].filter((member): member is ZipMember => member !== undefined);
  const impossible = read.find((member) => member.size > member.compressedSize * MAX_EXPANSION + 1_024);
  if (impossible) return failedDataset('shapefile', [zipIssue(`${impossible.path}: size ${impossible.size} cannot come from ${impossible.compressedSize} compressed bytes`)]);
  const oversized = read.find((member) => member.size > MAX_MEMBER_BYTES);
  if (oversized) return failedDataset('shapefile', [fileIssue('invalid-zip', labels(
    `${oversized.path} dépasse 512 Mio`,
    `${oversized.path} يتجاوز 512 ميغابايت`,
    `${oversized.path} is larger than 512 MiB`,
  ))]);
  const wanted = new Set(read.map((member) => member.path));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => wanted.has(file.name) });
  } catch (error) {
    return failedDataset('shapefile', [zipIssue((error as Error).message)]);
  }
  const notes: Labels[] = [];
  const crsIssue = checkPrj(prj && files[prj.path], notes);
  if (crsIssue) return failedDataset('shapefile', [crsIssue]);
  const encoding = encodingFromCpg(cpg ? new TextDecoder().decode(files[cpg.path]) : '');
  if (!isSupportedEncoding(encoding)) {
    return failedDataset('shapefile', [fileIssue('invalid-encoding', labels(
      `Jeu de caractères .cpg inconnu : ${encoding}`,
      `ترميز .cpg غير معروف: ${encoding}`,
      `Unknown .cpg code page: ${encoding}`,
    ))]);
  }
  return readMembers(files[chosen.shp.path]!, files[dbf.path]!, encoding, notes);
}

function zipIssue(reason: string): ImportIssue {
  return fileIssue('invalid-zip', labels(`Archive ZIP illisible : ${reason}`, `أرشيف ZIP غير مقروء: ${reason}`, `Unreadable ZIP archive: ${reason}`));
}

/** Lists the archive without inflating anything (the filter sees each entry and declines it). */
function listZipMembers(bytes: Uint8Array): ZipMember[] {
  const members: ZipMember[] = [];
  unzipSync(bytes, {
    filter: (file) => {
      const name = file.name.split('/').pop() ?? '';
      // macOS resource forks (__MACOSX/, ._name) are not shapefiles even when they end in .shp.
      if (!file.name.endsWith('/') && !file.name.startsWith('__MACOSX/') && !name.startsWith('._')) {
        members.push({ path: file.name, size: file.originalSize, compressedSize: file.size });
      }
      return false;
    },
  });
  return members;
}

function chooseShapefile(members: ZipMember[], layerId: string): { shp: ZipMember } | { issue: ImportIssue } {
  const shps = members.filter((member) => member.path.toLowerCase().endsWith('.shp'));
  if (shps.length === 1) return { shp: shps[0]! };
  if (shps.length === 0) {
    const found = listNames(members.map((member) => member.path), 10) || '(vide / فارغ / empty)';
    return { issue: fileIssue('no-shapefile', labels(
      `Aucun fichier .shp dans l’archive (contenu : ${found})`,
      `لا يوجد ملف .shp في الأرشيف (المحتوى: ${found})`,
      `No .shp file in the archive (contents: ${found})`,
    )) };
  }
  const matching = shps.filter((member) => (member.path.split('/').pop() ?? '').toLowerCase() === `${layerId}.shp`);
  if (matching.length === 1) return { shp: matching[0]! };
  const found = listNames(shps.map((member) => member.path));
  return {
    issue: fileIssue('several-shapefiles', labels(
      `L’archive contient plusieurs couches (${found}) ; nommez celle à importer ${layerId}.shp ou livrez-la seule`,
      `يحتوي الأرشيف على عدة طبقات (${found})؛ سمِّ الطبقة المراد استيرادها ${layerId}.shp أو أرسلها وحدها`,
      `The archive holds several layers (${found}); name the one to import ${layerId}.shp or ship it alone`,
    )),
  };
}

function checkPrj(bytes: Uint8Array | undefined, notes: Labels[]): ImportIssue | undefined {
  const wkt = bytes ? new TextDecoder().decode(bytes).trim() : '';
  if (wkt === '') {
    notes.push(labels(
      'Pas de fichier .prj : coordonnées supposées en WGS 84 longitude/latitude (leur étendue est vérifiée)',
      'لا يوجد ملف .prj: يُفترض أن الإحداثيات WGS 84 بخطوط الطول والعرض (يُتحقق من مداها)',
      'No .prj file: coordinates assumed to be WGS 84 longitude/latitude (their range is checked)',
    ));
    return undefined;
  }
  const crs = describePrj(wkt);
  if (crs.isWgs84Geographic) return undefined;
  return fileIssue('unsupported-crs', labels(
    `Le .prj décrit ${crs.name} : seul WGS 84 en longitude/latitude (EPSG:4326) est accepté. Reprojetez (par ex. ogr2ogr -t_srs EPSG:4326).`,
    `ملف .prj يصف ${crs.name}: لا يُقبل إلا WGS 84 بخطوط الطول والعرض (EPSG:4326). أعد الإسقاط (مثلًا ogr2ogr -t_srs EPSG:4326).`,
    `The .prj describes ${crs.name}: only WGS 84 longitude/latitude (EPSG:4326) is accepted. Reproject (e.g. ogr2ogr -t_srs EPSG:4326).`,
  ), '.prj');
}

/**
 * WHATWG encoding label for a .cpg's content. ESRI writes bare code page numbers ("1252", "1256" for
 * Arabic), GDAL writes "UTF-8"; an empty or missing .cpg means UTF-8.
 */
export function encodingFromCpg(cpg: string): string {
  const value = cpg.trim().replace(/^ANSI\s+/i, '');
  if (value === '' || /^(utf-?8|65001)$/i.test(value)) return 'utf-8';
  const codePage = /^(?:cp|windows-?)?(\d{3,4})$/i.exec(value)?.[1];
  if (codePage) return /^(125\d|874)$/.test(codePage) ? `windows-${codePage}` : `ibm${codePage}`;
  const isoPart = /^(?:iso-?)?8859-?(\d{1,2})$/i.exec(value)?.[1];
  if (isoPart) return `iso-8859-${isoPart}`;
  return value.toLowerCase();
}

function isSupportedEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

async function readMembers(shp: Uint8Array, dbf: Uint8Array, encoding: string, notes: Labels[]): Promise<SourceDataset> {
  let table: DbfTable;
  const geometries: unknown[] = [];
  try {
    table = readDbf(dbf, encoding);
    const source = await openShp(shp);
    for (let result = await source.read(); !result.done; result = await source.read()) geometries.push(result.value ?? null);
  } catch (error) {
    if (error instanceof DbfEncodingError) return failedDataset('shapefile', [encodingIssue(error)]);
    const reason = (error as Error).message;
    return failedDataset('shapefile', [fileIssue('invalid-shapefile', labels(
      `Shapefile illisible : ${reason}`,
      `ملف Shapefile غير مقروء: ${reason}`,
      `Unreadable shapefile: ${reason}`,
    ))]);
  }
  if (geometries.length !== table.records.length) {
    const counts = `${geometries.length} / ${table.records.length}`;
    return failedDataset('shapefile', [fileIssue('invalid-shapefile', labels(
      `Le .shp et le .dbf n’ont pas le même nombre d’objets (${counts})`,
      `عدد الكائنات مختلف بين .shp و .dbf (${counts})`,
      `The .shp and the .dbf hold different numbers of features (${counts})`,
    ))]);
  }
  const features: SourceFeature[] = table.records.map((properties, index) => ({ index, properties, geometry: geometries[index] }));
  return { format: 'shapefile', features, attributes: table.fields.map((field) => field.name), notes, issues: [] };
}

/** Text in a legacy code page read as UTF-8 (or simply corrupt): refuse rather than store broken names. */
function encodingIssue(error: DbfEncodingError): ImportIssue {
  const message = labels(
    'Le texte du .dbf n’est pas valide dans sa page de code (UTF-8 sans .cpg) : ajoutez un fichier .cpg qui la nomme (par ex. 1252 ou 1256)',
    'نص ملف .dbf غير صالح في صفحة ترميزه (UTF-8 دون ملف .cpg): أضف ملف .cpg يحددها (مثلًا 1252 أو 1256)',
    'The .dbf text is not valid in its code page (UTF-8 without a .cpg): add a .cpg file naming it (e.g. 1252 or 1256)',
  );
  if (error.recordIndex < 0) return fileIssue('invalid-encoding', message, '.dbf');
  return { featureIndex: error.recordIndex, pointer: toJsonPointer('properties', error.fieldName), code: 'invalid-encoding', message };
}
