import type { CatalogProperty } from '../api/layer-catalog.ts';
import { COMMON_MESSAGES, localiseUnit } from '../i18n/common-messages.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { type Language, localeOf } from '../i18n/language.ts';
import { pickLabel } from '../i18n/pick-label.ts';

/** A property value ready to show: its text, plus the colour itself when the value is a `#rrggbb` colour. */
export interface FormattedValue {
  text: string;
  color?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || raw === '';
}

/** `true`/`false` as MVT booleans, JSON booleans, or the strings some encoders write. */
function parseBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true' || raw === 1) return true;
  if (raw === 'false' || raw === 0) return false;
  return undefined;
}

/** A calendar date (YYYY-MM-DD) in the locale's long form; noon UTC so no time zone moves it a day. */
export function formatDate(raw: string, language: Language): string {
  const match = ISO_DATE.exec(raw);
  if (!match) return raw;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function formatNumber(raw: unknown, property: CatalogProperty, language: Language): string {
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(value)) return String(raw);
  const maximumFractionDigits = property.type === 'integer' ? 0 : 2;
  const text = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits }).format(value);
  return property.unit ? `${text} ${localiseUnit(property.unit, language)}` : text;
}

/**
 * Lists arrive as arrays (features API) or comma-joined strings (vector tiles). Items are codes (line
 * numbers, violation codes), so they are separated, not joined into a sentence ("T1, T2" not "T1 et T2").
 */
function formatList(raw: unknown, property: CatalogProperty, language: Language): string {
  const items = Array.isArray(raw) ? raw.map(String) : String(raw).split(',');
  const cleaned = items.map((item) => item.trim()).filter((item) => item.length > 0);
  // A list drawn from a vocabulary (an inspection's findings) shows each item's label in the language.
  const labelled = cleaned.map((item) => {
    const entry = property.values?.find((candidate) => candidate.value === item);
    return entry ? pickLabel(entry.label, language) : item;
  });
  return labelled.join(COMMON_MESSAGES[language].listSeparator);
}

/**
 * A property value as people read it in the language: enum labels, yes/no, localised dates and numbers
 * with their unit. An absent value is "unknown" where the catalog says so (the source did not say);
 * otherwise null (the details panel leaves the row out).
 */
export function formatPropertyValue(property: CatalogProperty, raw: unknown, language: Language): FormattedValue | null {
  if (isEmpty(raw)) return property.isUnknownWhenNull ? { text: COMMON_MESSAGES[language].unknown } : null;
  switch (property.type) {
    case 'enum': {
      const match = property.values?.find((entry) => entry.value === String(raw));
      return { text: match ? pickLabel(match.label, language) : String(raw) };
    }
    case 'boolean': {
      const value = parseBoolean(raw);
      if (value === undefined) return { text: String(raw) };
      return { text: value ? COMMON_MESSAGES[language].yes : COMMON_MESSAGES[language].no };
    }
    case 'date':
      return { text: formatDate(String(raw), language) };
    case 'datetime':
      return { text: formatInstant(String(raw), language) };
    case 'integer':
    case 'number':
      return { text: formatNumber(raw, property, language) };
    case 'string_list': {
      const text = formatList(raw, property, language);
      return text ? { text } : null;
    }
    default: {
      const text = String(raw);
      return HEX_COLOUR.test(text) ? { text, color: text } : { text };
    }
  }
}
