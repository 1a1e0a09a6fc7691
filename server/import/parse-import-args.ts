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
                                    replace a source value before conversion (repeatable); needed for
                                    values a yes/no or a list of values cannot take (oneway B, F, T)
  --split-by-script <attribute>=<latin property>,<arabic property>
                                    a name holding both scripts goes to two properties (repeatable)
  --only <attribute>=<value>[,<value>...]
                                    read only the features whose attribute holds one of the values
  --parent <attribute>[:<n>]=<property>
                                    each feature's parent is the area whose property (code, name_fr)
                                    equals the attribute (or its first n characters), in the file or
                                    already in the layer
  --derive-parents <level>          parents found nowhere are made at this level by dissolving their
                                    children
  --parent-from <property>=<attribute>
                                    a derived parent's property, from its children's attribute
  --key <attribute>                 the features' id in the source (an OpenStreetMap way id): kept, it
                                    makes a later import of the source update what changed
  --retire-missing                  with --key: delete the features the source no longer has
  --replace                         replace the layer's whole content by the file's
  --ignore-unknown                  leave out attributes that match no property instead of refusing
  --dry-run                         check and write inside a transaction, then roll back
  --lang fr|ar|en                   language of the messages (default fr)
  --max-issues <n>                  issues listed before the summary (default 20)
  -h, --help                        this help; with a <layer>, what its features must give and the
                                    rules they must meet (npm run import -- admin_areas --help)

Attributes map to the property of the same name, ignoring case. What the file does not give stays
unknown (null) unless the table has a default; the report lists both, and every distinct value of each
yes/no or listed property with what it became. Every import writes the features' history (author
"import <file>") and refreshes the map's tiles. The layer's rules (an arrondissement belongs to a
préfecture...) are checked before anything is written; any problem and nothing is. DATABASE_URL
selects the database; unset, the embedded cluster is used.`;

export interface ImportCommand {
  layerId: string;
  filePath: string;
  options: ImportOptions;
  language: Language;
  maxIssues: number;
}

/** `--help`, with the layer whose properties and rules to describe when one is named. */
export interface ImportHelp {
  layerId?: string;
  language: Language;
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
      'split-by-script': { type: 'string', multiple: true, default: [] },
      only: { type: 'string', multiple: true, default: [] },
      parent: { type: 'string' },
      'derive-parents': { type: 'string' },
      'parent-from': { type: 'string', multiple: true, default: [] },
      key: { type: 'string' },
      'retire-missing': { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      'ignore-unknown': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      lang: { type: 'string', default: 'fr' },
      'max-issues': { type: 'string', default: '20' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** Parses the command line; `error` is a one-line reason to print with the usage. */
export function parseImportArgs(argv: readonly string[]): { command?: ImportCommand; help?: ImportHelp; error?: string } {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (!['fr', 'ar', 'en'].includes(values.lang)) return { error: `--lang must be fr, ar or en, not ${values.lang}` };
  if (values.help) return { help: { language: values.lang as Language, ...(positionals[0] ? { layerId: positionals[0] } : {}) } };
  if (positionals.length !== 2) return { error: `expected <layer> <file>, got ${positionals.length} argument(s)` };
  const maxIssues = Number(values['max-issues']);
  if (!Number.isInteger(maxIssues) || maxIssues < 0) return { error: `--max-issues must be a whole number, not ${values['max-issues']}` };
  if (values['retire-missing'] && !values.key) return { error: '--retire-missing needs --key <attribute>' };
  if (values.replace && values['retire-missing']) return { error: '--replace already removes every feature the file does not have: leave out --retire-missing' };
  if (values['derive-parents'] && !values.parent) return { error: '--derive-parents needs --parent <attribute>=<property>' };
  if (values['parent-from'].length > 0 && !values['derive-parents']) return { error: '--parent-from needs --derive-parents <level>' };
  try {
    const options: ImportOptions = {
      // An attribute name may hold "=", a property name never does: split --map at the last "=".
      attributeMap: toRecord(values.map, '--map', (text) => splitAt(text, text.lastIndexOf('='))),
      constants: toRecord(values.set, '--set', (text) => splitAt(text, text.indexOf('='))),
      valueMaps: parseValueMaps(values['map-value']),
      ...optionalOptions(values),
      isUnknownIgnored: values['ignore-unknown'],
      isDryRun: values['dry-run'],
    };
    return { command: { layerId: positionals[0]!, filePath: positionals[1]!, options, language: values.lang as Language, maxIssues } };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The options that are absent unless given (so that a plain import's options stay small). */
function optionalOptions(values: ReturnType<typeof parseOptions>['values']): Partial<ImportOptions> {
  const options: Partial<ImportOptions> = {};
  const splits = toRecord(values['split-by-script'], '--split-by-script', (text) => splitAt(text, text.lastIndexOf('=')));
  if (Object.keys(splits).length > 0) {
    options.splitByScript = Object.fromEntries(Object.entries(splits).map(([attribute, targets]) => {
      const parts = targets.split(',').map((part) => part.trim());
      if (parts.length !== 2 || parts.some((part) => part === '')) throw new Error(`--split-by-script ${attribute}=${targets}: expected two properties, latin,arabic`);
      return [attribute, [parts[0]!, parts[1]!] as const];
    }));
  }
  const only = toRecord(values.only, '--only', (text) => splitAt(text, text.indexOf('=')));
  if (Object.keys(only).length > 0) options.only = Object.fromEntries(Object.entries(only).map(([attribute, list]) => [attribute, list.split(',')]));
  if (values.parent !== undefined) {
    const pair = splitAt(values.parent, values.parent.lastIndexOf('='));
    const link = pair && /^(.+?)(?::(\d+))?$/.exec(pair[0]);
    if (!pair || !link || pair[1] === '') throw new Error(`--parent ${values.parent}: expected attribute[:n]=property`);
    options.parent = { attribute: link[1]!, property: pair[1], ...(link[2] ? { prefixLength: Number(link[2]) } : {}) };
  }
  if (values['derive-parents'] !== undefined) {
    options.deriveParents = { level: values['derive-parents'], from: toRecord(values['parent-from'], '--parent-from', (text) => splitAt(text, text.indexOf('='))) };
  }
  if (values.key !== undefined) options.key = values.key;
  if (values['retire-missing']) options.isMissingRetired = true;
  if (values.replace) options.isReplace = true;
  return options;
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
