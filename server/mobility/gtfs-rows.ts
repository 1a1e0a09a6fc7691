import type { CsvTable } from './csv.ts';
import type { GtfsIssueCode, IssueList } from './gtfs-issues.ts';

const TIME = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const COLOUR = /^[0-9A-Fa-f]{6}$/;

/** "HH:MM:SS" (hours may pass 24 for trips after midnight) -> seconds, or undefined when malformed. */
export function parseGtfsTime(text: string): number | undefined {
  const match = TIME.exec(text);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : undefined;
}

/** "YYYYMMDD" -> "YYYY-MM-DD", or undefined when it is not a calendar date. */
export function parseGtfsDate(text: string): string | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * One record of a GTFS file, read field by field. Each reader returns undefined for an empty optional
 * field and records an issue (file, line, field) when a value is present but malformed, or required and
 * empty, so that one pass over a feed reports every problem at once.
 */
export class GtfsRow {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly fields: readonly string[],
    readonly columns: ReadonlyMap<string, number>,
    readonly issues: IssueList,
  ) {}

  text(field: string): string | undefined {
    const index = this.columns.get(field);
    const value = index === undefined ? undefined : this.fields[index];
    return value === undefined || value === '' ? undefined : value;
  }

  required(field: string): string | undefined {
    const value = this.text(field);
    if (value === undefined) this.report(field, 'missing-value');
    return value;
  }

  report(field: string, code: GtfsIssueCode, value?: string, target?: string): void {
    this.issues.add({ file: this.file, line: this.line, field, code, ...(value === undefined ? {} : { value }), ...(target ? { target } : {}) });
  }

  /** An integer in [min, max]; `fallback` when empty (undefined fallback + isRequired: missing-value). */
  integer(field: string, min: number, max: number, fallback?: number, isRequired = false): number | undefined {
    const text = isRequired ? this.required(field) : this.text(field);
    if (text === undefined) return fallback;
    if (!INTEGER.test(text)) return this.fail(field, 'bad-number', text);
    const value = Number(text);
    if (value < min || value > max) return this.fail(field, 'bad-value', text);
    return value;
  }

  decimal(field: string, min: number, max: number, code: GtfsIssueCode = 'bad-number', isRequired = false): number | undefined {
    const text = isRequired ? this.required(field) : this.text(field);
    if (text === undefined) return undefined;
    const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value) || value < min || value > max) return this.fail(field, code, text);
    return value;
  }

  time(field: string, isRequired = false): number | undefined {
    const text = isRequired ? this.required(field) : this.text(field);
    if (text === undefined) return undefined;
    return parseGtfsTime(text) ?? this.fail(field, 'bad-time', text);
  }

  date(field: string): string | undefined {
    const text = this.required(field);
    if (text === undefined) return undefined;
    return parseGtfsDate(text) ?? this.fail(field, 'bad-date', text);
  }

  colour(field: string): string | undefined {
    const text = this.text(field);
    if (text === undefined) return undefined;
    return COLOUR.test(text) ? text.toLowerCase() : this.fail(field, 'bad-colour', text);
  }

  fail(field: string, code: GtfsIssueCode, value: string): undefined {
    this.report(field, code, value);
    return undefined;
  }
}

/**
 * The records of one file as rows; a header missing a required column is one issue at line 1 and the
 * records are still read (their other problems are worth knowing too).
 */
export function gtfsRows(file: string, table: CsvTable, issues: IssueList, requiredColumns: readonly string[]): GtfsRow[] {
  const columns = new Map(table.header.map((name, index) => [name, index]));
  for (const column of requiredColumns) {
    if (!columns.has(column)) issues.add({ file, line: 1, field: column, code: 'missing-field' });
  }
  if (table.error) issues.add({ file, line: table.error.line, code: 'csv-syntax', value: table.error.message });
  return table.records.map((record) => new GtfsRow(file, record.line, record.fields, columns, issues));
}
