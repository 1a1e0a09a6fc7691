import type { PropertyType } from '../layers/layer-definition.ts';

/**
 * Converts a value as a source file holds it into the API form of a registry property type, where the
 * intent is unambiguous: numbers written as text ("12.5", "12,5"), DBF logicals and the usual yes/no
 * words, DBF (YYYYMMDD) and slashed (YYYY/MM/DD) dates, lists written "a; b". Blank text becomes null,
 * since formats without nulls (DBF, many GeoJSON exports) write "" for "no value".
 * A value that cannot be converted is returned unchanged, so that the registry validator reports it with
 * the value the person will recognise. Never guesses day/month order: 03/04/2024 stays unconverted.
 */
export function convertValue(value: unknown, type: PropertyType): unknown {
  if (typeof value === 'string' && value.trim() === '') return null;
  if (value === undefined) return null;
  switch (type) {
    case 'string':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    case 'enum':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      return typeof value === 'string' ? value.trim() : value;
    case 'integer':
    case 'number':
      return typeof value === 'string' ? parseNumber(value) ?? value : value;
    case 'boolean':
      return parseBoolean(value) ?? value;
    case 'date':
      return typeof value === 'string' ? parseDate(value) ?? value : value;
    case 'datetime':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value;
    case 'string_list':
      return typeof value === 'string' ? parseList(value) : value;
  }
}

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  // A decimal comma is accepted only when there is no other separator (French "12,5"), never "1,234.5".
  const normalised = /^[+-]?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

const TRUE_WORDS = new Set(['t', 'true', 'y', 'yes', 'o', 'oui', '1', 'نعم']);
const FALSE_WORDS = new Set(['f', 'false', 'n', 'no', 'non', '0', 'لا']);

function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** YYYYMMDD (DBF text), YYYY/MM/DD, or an ISO date-time at midnight (what some exports write for dates). */
function parseDate(text: string): string | undefined {
  const trimmed = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed) ?? /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(trimmed);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const midnight = /^(\d{4}-\d{2}-\d{2})[T ]00:00(:00(\.0+)?)?(Z|[+-]00:?00)?$/.exec(trimmed);
  if (midnight) return midnight[1];
  return trimmed;
}

/** A JSON array of strings, or items separated by semicolons ("sol sale; chaîne du froid"). */
function parseList(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return text;
    }
  }
  return trimmed.split(';').map((item) => item.trim()).filter((item) => item !== '');
}
