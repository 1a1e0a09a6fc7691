import type { Labels, LayerDefinition, PropertyDefinition } from './layer-definition.ts';

/**
 * Validation of a feature's `properties` against the layer registry. Shared by every write path (the
 * importer now, the OGC API - Features create/replace/update later), so a value is judged the same way
 * whichever door it came through. Pure: no database, no I/O.
 */

/** A value as the API speaks it (dates and instants are ISO strings, lists are arrays of strings). */
export type PropertyValue = string | number | boolean | string[] | null;

/**
 * `create` (POST) and `replace` (PUT) need every required property; `update` (PATCH) checks only what is
 * sent, but a required property may not be cleared with null.
 */
export type ValidationMode = 'create' | 'replace' | 'update';

/** Stable slugs that clients switch on; the message text may change, the code does not. */
export type PropertyIssueCode =
  | 'properties-not-object'
  | 'unknown-property'
  | 'read-only-property'
  | 'required-property'
  | 'wrong-type'
  | 'empty-string'
  | 'invalid-character'
  | 'string-too-long'
  | 'not-finite'
  | 'not-integer'
  | 'below-minimum'
  | 'above-maximum'
  | 'invalid-date'
  | 'invalid-datetime'
  | 'invalid-enum-value';

export interface PropertyIssue {
  /** RFC 6901 JSON pointer into the feature, e.g. `/properties/width_m` or `/properties/violations/2`. */
  pointer: string;
  code: PropertyIssueCode;
  message: Labels;
}

export interface PropertyValidationResult {
  /** The valid properties by API name (only those sent); meaningful only when `issues` is empty. */
  values: Record<string, PropertyValue>;
  issues: PropertyIssue[];
  /**
   * Read-only properties sent with a replace or an update, by API name (present only when some were):
   * clients such as QGIS and GDAL send back what they read, so the writer accepts them when they are the
   * feature's current values and refuses them when changed.
   */
  readOnly?: Record<string, unknown>;
}

export type PropertyValidator = (properties: unknown, mode: ValidationMode) => PropertyValidationResult;

/** RFC 6901 pointer from path segments (`~` and `/` inside a segment are escaped). */
export function toJsonPointer(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Whether a property may be written by clients (ids, timestamps and derived lists may not). */
export function isEditable(property: PropertyDefinition): boolean {
  return property.editable !== false;
}

/**
 * Builds the validator of one layer once (the allowed-name list is computed here, not per call). The planners'
 * editor builds it from the layer catalog, so a value is judged alike before and after it is sent.
 */
export function buildPropertyValidator(layer: Pick<LayerDefinition, 'properties'>): PropertyValidator {
  const entries = Object.entries(layer.properties);
  const allowed = entries.filter(([, property]) => isEditable(property)).map(([name]) => name);
  const required = entries.filter(([, property]) => property.required && isEditable(property)).map(([name]) => name);
  return (properties, mode) => {
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
      return { values: {}, issues: [{ pointer: '/properties', code: 'properties-not-object', message: NOT_OBJECT }] };
    }
    const values: Record<string, PropertyValue> = {};
    const issues: PropertyIssue[] = [];
    const readOnly: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(properties)) {
      const pointer = toJsonPointer('properties', name);
      const property = Object.hasOwn(layer.properties, name) ? layer.properties[name] : undefined;
      if (!property) issues.push(unknownIssue(pointer, name, allowed));
      else if (!isEditable(property) && mode !== 'create') readOnly[name] = value;
      else if (!isEditable(property)) issues.push(readOnlyIssue(pointer, name, property));
      else {
        const issue = checkValue(property, value, pointer, name);
        if (issue) issues.push(issue);
        else values[name] = value as PropertyValue;
      }
    }
    for (const name of required) {
      const value = (properties as Record<string, unknown>)[name];
      const isMissing = mode === 'update' ? value === null : value === undefined || value === null;
      if (isMissing) issues.push(requiredIssue(toJsonPointer('properties', name), name, layer.properties[name]!));
    }
    return Object.keys(readOnly).length > 0 ? { values, issues, readOnly } : { values, issues };
  };
}

/** One-off validation; prefer `buildPropertyValidator` when validating many features of a layer. */
export function validateProperties(layer: LayerDefinition, properties: unknown, mode: ValidationMode): PropertyValidationResult {
  return buildPropertyValidator(layer)(properties, mode);
}

/** Checks one value against its definition; null is left to the required check. */
function checkValue(property: PropertyDefinition, value: unknown, pointer: string, name: string): PropertyIssue | undefined {
  if (value === null) return undefined;
  const issue = (code: PropertyIssueCode, text: Labels): PropertyIssue => ({ pointer, code, message: prefixLabel(property, name, text) });
  switch (property.type) {
    case 'string':
      return typeof value === 'string' ? checkString(property, value, issue) : issue('wrong-type', got(EXPECTED.string, value));
    case 'integer':
    case 'number':
      return checkNumber(property, value, issue);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : issue('wrong-type', got(EXPECTED.boolean, value));
    case 'date':
      if (typeof value !== 'string') return issue('wrong-type', got(EXPECTED.date, value));
      if (isIsoDate(value)) return undefined;
      return issue('invalid-date', labels(
        `« ${value} » n’est pas une date réelle au format AAAA-MM-JJ`,
        `« ${value} » ليس تاريخًا صحيحًا بصيغة YYYY-MM-DD`,
        `"${value}" is not a real date in YYYY-MM-DD form`,
      ));
    case 'datetime':
      if (typeof value !== 'string') return issue('wrong-type', got(EXPECTED.datetime, value));
      return isIsoDateTime(value) ? undefined : issue('invalid-datetime', EXPECTED.datetime);
    case 'enum':
      return checkEnum(property, value, issue);
    case 'string_list':
      return checkStringList(property, value, pointer, (code, text, at) => ({
        pointer: at,
        code,
        message: prefixLabel(property, name, text),
      }));
  }
}

type IssueMaker = (code: PropertyIssueCode, text: Labels) => PropertyIssue;

function checkString(property: PropertyDefinition, value: string, issue: IssueMaker): PropertyIssue | undefined {
  if (value.trim() === '') return issue('empty-string', EMPTY_STRING);
  if (value.includes('\u0000')) return issue('invalid-character', NUL_CHARACTER);
  // PostgreSQL's length() counts characters (code points), not UTF-16 units: Arabic and emoji count once.
  const length = [...value].length;
  if (property.max !== undefined && length > property.max) {
    return issue('string-too-long', labels(
      `${length} caractères, au plus ${property.max}`,
      `${length} حرفًا، والحد الأقصى ${property.max}`,
      `${length} characters, at most ${property.max}`,
    ));
  }
  return undefined;
}

function checkNumber(property: PropertyDefinition, value: unknown, issue: IssueMaker): PropertyIssue | undefined {
  const isInteger = property.type === 'integer';
  if (typeof value !== 'number') return issue('wrong-type', got(isInteger ? EXPECTED.integer : EXPECTED.number, value));
  if (!Number.isFinite(value)) return issue('not-finite', got(EXPECTED.number, value));
  if (isInteger && !Number.isSafeInteger(value)) {
    return issue('not-integer', labels(`${value} n’est pas un entier`, `${value} ليس عددًا صحيحًا`, `${value} is not an integer`));
  }
  const unit = property.unit ? ` ${property.unit}` : '';
  if (property.min !== undefined && value < property.min) {
    return issue('below-minimum', labels(
      `${value} est inférieur au minimum ${property.min}${unit}`,
      `${value} أقل من الحد الأدنى ${property.min}${unit}`,
      `${value} is below the minimum ${property.min}${unit}`,
    ));
  }
  if (property.max !== undefined && value > property.max) {
    return issue('above-maximum', labels(
      `${value} dépasse le maximum ${property.max}${unit}`,
      `${value} يتجاوز الحد الأقصى ${property.max}${unit}`,
      `${value} is above the maximum ${property.max}${unit}`,
    ));
  }
  return undefined;
}

function checkEnum(property: PropertyDefinition, value: unknown, issue: IssueMaker): PropertyIssue | undefined {
  const allowed = Object.keys(property.values ?? {});
  if (typeof value === 'string' && allowed.includes(value)) return undefined;
  const shown = describeValue(value);
  const list = allowed.join(', ');
  return issue('invalid-enum-value', labels(
    `${shown} n’est pas une valeur permise (${list})`,
    `${shown} ليست قيمة مسموحًا بها (${list})`,
    `${shown} is not an allowed value (${list})`,
  ));
}

type ListIssueMaker = (code: PropertyIssueCode, text: Labels, at: string) => PropertyIssue;

function checkStringList(property: PropertyDefinition, value: unknown, pointer: string, issue: ListIssueMaker): PropertyIssue | undefined {
  if (!Array.isArray(value)) return issue('wrong-type', got(EXPECTED.string_list, value), pointer);
  const vocabulary = property.values ? Object.keys(property.values) : undefined;
  for (const [index, item] of value.entries()) {
    const at = `${pointer}/${index}`;
    if (typeof item !== 'string') return issue('wrong-type', got(EXPECTED.string_list, item), at);
    if (item.trim() === '') return issue('empty-string', EMPTY_STRING, at);
    if (item.includes('\u0000')) return issue('invalid-character', NUL_CHARACTER, at);
    if (vocabulary && !vocabulary.includes(item)) {
      const shown = describeValue(item);
      return issue('invalid-enum-value', labels(`${shown} n’est pas dans la liste permise`, `${shown} ليست ضمن القائمة المسموح بها`, `${shown} is not in the allowed list`), at);
    }
  }
  return undefined;
}

/** A real calendar date written YYYY-MM-DD (2023-02-29 is refused). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO 8601 instant with an explicit offset (Z or ±HH:MM), so that it names one moment everywhere. */
export function isIsoDateTime(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!match || !isIsoDate(match[1]!)) return false;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  const isOffsetValid = match[5] === 'Z' || (Number(match[6]) <= 14 && Number(match[7]) < 60);
  return hours < 24 && minutes < 60 && seconds < 60 && isOffsetValid;
}

/** A received value as shown in messages: text in guillemets, cut at 40 characters. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return `« ${value.length > 40 ? `${value.slice(0, 40)}…` : value} »`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? '[…]' : value === null ? 'null' : '{…}';
}

/** "text expected, got « B »" */
function got(expected: Labels, value: unknown): Labels {
  const shown = describeValue(value);
  return labels(`${expected.fr}, reçu ${shown}`, `${expected.ar}، والمُستلم ${shown}`, `${expected.en}, got ${shown}`);
}

function labels(fr: string, ar: string, en: string): Labels {
  return { fr, ar, en };
}

/** "Largeur (width_m) : …" so that a person sees the label and a developer sees the API name. */
function prefixLabel(property: PropertyDefinition, name: string, text: Labels): Labels {
  const { fr, ar, en } = property.label;
  return labels(`${fr} (${name}) : ${text.fr}`, `${ar} (${name}): ${text.ar}`, `${en} (${name}): ${text.en}`);
}

function unknownIssue(pointer: string, name: string, allowed: string[]): PropertyIssue {
  const list = allowed.join(', ');
  const message = labels(
    `Propriété inconnue « ${name} ». Propriétés permises : ${list}`,
    `خاصية غير معروفة « ${name} ». الخصائص المسموح بها: ${list}`,
    `Unknown property "${name}". Allowed properties: ${list}`,
  );
  return { pointer, code: 'unknown-property', message };
}

/** A read-only property written (or, in a replace or update, changed from its current value). */
export function readOnlyIssue(pointer: string, name: string, property: PropertyDefinition): PropertyIssue {
  const text = labels(
    'propriété en lecture seule, tenue à jour par le serveur : renvoyez sa valeur actuelle ou omettez-la',
    'خاصية للقراءة فقط يحدّثها الخادم: أعد قيمتها الحالية أو احذفها',
    'read-only property maintained by the server: send its current value back, or leave it out',
  );
  return { pointer, code: 'read-only-property', message: prefixLabel(property, name, text) };
}

function requiredIssue(pointer: string, name: string, property: PropertyDefinition): PropertyIssue {
  return { pointer, code: 'required-property', message: prefixLabel(property, name, labels('valeur obligatoire', 'قيمة إلزامية', 'a value is required')) };
}

const NOT_OBJECT = labels('Les propriétés doivent former un objet JSON', 'يجب أن تكون الخصائص كائن JSON', 'Properties must be a JSON object');
const EMPTY_STRING = labels('texte vide ; envoyer null pour ne rien indiquer', 'نص فارغ؛ أرسل null لترك القيمة فارغة', 'empty text; send null for no value');
const NUL_CHARACTER = labels('le caractère NUL (U+0000) n’est pas permis', 'الحرف NUL (U+0000) غير مسموح به', 'the NUL character (U+0000) is not allowed');

const EXPECTED: Record<'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'string_list', Labels> = {
  string: labels('texte attendu', 'يُنتظر نص', 'text expected'),
  integer: labels('nombre entier attendu', 'يُنتظر عدد صحيح', 'an integer expected'),
  number: labels('nombre fini attendu', 'يُنتظر عدد محدود', 'a finite number expected'),
  boolean: labels('vrai ou faux attendu (true/false)', 'يُنتظر صحيح أو خطأ (true/false)', 'true or false expected'),
  date: labels('date attendue au format AAAA-MM-JJ', 'يُنتظر تاريخ بصيغة YYYY-MM-DD', 'a date expected, YYYY-MM-DD'),
  datetime: labels(
    'instant ISO 8601 attendu avec fuseau (ex. 2024-05-01T08:30:00Z)',
    'يُنتظر توقيت ISO 8601 مع المنطقة الزمنية (مثلًا 2024-05-01T08:30:00Z)',
    'an ISO 8601 instant with offset expected (e.g. 2024-05-01T08:30:00Z)',
  ),
  string_list: labels('liste de textes attendue', 'تُنتظر قائمة نصوص', 'a list of texts expected'),
};
