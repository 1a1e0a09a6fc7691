import { parseArgs } from 'node:util';
import type { Language } from './format-import-report.ts';
import type { ImportOptions } from './import-options.ts';

export const IMPORT_USAGE = `Usage: npm run import -- <layer> <file> [options]

Imports a GeoJSON file (.geojson, .json) or a zipped ESRI Shapefile (.zip) in WGS 84 (EPSG:4326) into a
layer of the registry. All or nothing: any problem and nothing is written.

Options:
  --map <attribute>=<property>      read the property from this source attribute (repeatable);
                                    --map <attribute>= leaves the attribute out
  --set <property>=<value>          write this value on every feature (repeatable)
  --map-value <property>:<from>=<to>
                                    replace a source value before conversion (repeatable)
  --ignore-unknown                  leave out attributes that match no property instead of refusing
  --dry-run                         check and insert inside a transaction, then roll back
  --lang fr|ar|en                   language of the messages (default fr)
  --max-issues <n>                  issues listed before the summary (default 20)
  -h, --help                        this help

Attributes map to the property of the same name, ignoring case. DATABASE_URL selects the database;
unset, the embedded cluster is used.`;

export interface ImportCommand {
  layerId: string;
  filePath: string;
  options: ImportOptions;
  language: Language;
  maxIssues: number;
}

/** node:util parseArgs over the import command's options (throws on an unknown or malformed one). */
function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      map: { type: 'string', multiple: true, default: [] },
      set: { type: 'string', multiple: true, default: [] },
      'map-value': { type: 'string', multiple: true, default: [] },
      'ignore-unknown': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      lang: { type: 'string', default: 'fr' },
      'max-issues': { type: 'string', default: '20' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** Parses the command line; `error` is a one-line reason to print with the usage. */
export function parseImportArgs(argv: readonly string[]): { command?: ImportCommand; isHelp?: boolean; error?: string } {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { isHelp: true };
  if (positionals.length !== 2) return { error: `expected <layer> <file>, got ${positionals.length} argument(s)` };
  if (!['fr', 'ar', 'en'].includes(values.lang)) return { error: `--lang must be fr, ar or en, not ${values.lang}` };
  const maxIssues = Number(values['max-issues']);
  if (!Number.isInteger(maxIssues) || maxIssues < 0) return { error: `--max-issues must be a whole number, not ${values['max-issues']}` };
  try {
    const options: ImportOptions = {
      // An attribute name may hold "=", a property name never does: split --map at the last "=".
      attributeMap: toRecord(values.map, '--map', (text) => splitAt(text, text.lastIndexOf('='))),
      constants: toRecord(values.set, '--set', (text) => splitAt(text, text.indexOf('='))),
      valueMaps: parseValueMaps(values['map-value']),
      isUnknownIgnored: values['ignore-unknown'],
      isDryRun: values['dry-run'],
    };
    return { command: { layerId: positionals[0]!, filePath: positionals[1]!, options, language: values.lang as Language, maxIssues } };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function splitAt(text: string, index: number): [string, string] | undefined {
  return index > 0 ? [text.slice(0, index), text.slice(index + 1)] : undefined;
}

function toRecord(items: readonly string[], option: string, split: (text: string) => [string, string] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const item of items) {
    const pair = split(item);
    if (!pair) throw new Error(`${option} ${item}: expected name=value`);
    if (Object.hasOwn(record, pair[0])) throw new Error(`${option} ${pair[0]} given twice`);
    record[pair[0]] = pair[1];
  }
  return record;
}

/** `property:from=to` items grouped by property (a value may hold ":", a property name never does). */
function parseValueMaps(items: readonly string[]): Record<string, Record<string, string>> {
  const maps: Record<string, Record<string, string>> = {};
  for (const item of items) {
    const colon = item.indexOf(':');
    const equals = item.lastIndexOf('=');
    if (colon <= 0 || equals <= colon) throw new Error(`--map-value ${item}: expected property:from=to`);
    const property = item.slice(0, colon);
    maps[property] ??= {};
    const map = maps[property];
    map[item.slice(colon + 1, equals)] = item.slice(equals + 1);
  }
  return maps;
}
