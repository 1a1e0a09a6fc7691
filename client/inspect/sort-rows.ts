import type { ListedFeature } from '../api/fetch-features.ts';
import type { Language } from '../i18n/language.ts';
import { localeOf } from '../i18n/language.ts';
import type { SortOrder } from './workspace-url.ts';

/**
 * How a list column sorts: by the text people read (an enum's label in the language, a name), or by the
 * raw value (ISO dates and references sort as written). Missing values go last whatever the direction.
 */
export type SortValue = (row: ListedFeature) => string | null;

/** The rows in this order (a new array; ties keep the id order, so the list never shuffles). */
export function sortRows(rows: readonly ListedFeature[], order: SortOrder, valueFor: SortValue, language: Language): ListedFeature[] {
  const collator = new Intl.Collator(localeOf(language), { numeric: true, sensitivity: 'base' });
  const direction = order.isDescending ? -1 : 1;
  const keyed = rows.map((row) => ({ row, value: valueFor(row) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return Number(a.row.id) - Number(b.row.id);
      return a.value === null ? 1 : -1;
    }
    return direction * collator.compare(a.value, b.value) || Number(a.row.id) - Number(b.row.id);
  });
  return keyed.map((entry) => entry.row);
}
