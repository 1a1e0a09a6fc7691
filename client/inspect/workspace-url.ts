import { AGE_BUCKETS, type AgeBucket, NO_PERMIT_FILTER, type PermitFilter } from './permit-filters.ts';

/**
 * What the inspectors' workspace keeps in the URL's query, so that a view can be shared with a colleague:
 * the open tab, the permit and establishment filters, each list's sort and the statistic shown. Unknown or
 * malformed values are ignored (a link never breaks the page); other parameters (language, open feature)
 * are kept as they are.
 */

export const TABS = ['permits', 'establishments', 'statistics', 'layers'] as const;
export type WorkspaceTab = (typeof TABS)[number];

export const STATISTICS = ['permits-status', 'permits-age', 'inspections-score', 'inspections-failing'] as const;
export type StatisticId = (typeof STATISTICS)[number];

/** A list's order: a column, ascending or descending. */
export interface SortOrder {
  key: string;
  isDescending: boolean;
}

export interface EstablishmentFilter {
  category: string | null;
  grade: string | null;
}

export interface WorkspaceView {
  tab: WorkspaceTab;
  permits: PermitFilter;
  permitSort: SortOrder;
  establishments: EstablishmentFilter;
  establishmentSort: SortOrder;
  statistic: StatisticId;
}

/** The enum values the URL may name, from the catalog (so a link cannot inject a value the server refuses). */
export interface AllowedValues {
  kind: readonly string[];
  status: readonly string[];
  category: readonly string[];
  grade: readonly string[];
  permitSortKeys: readonly string[];
  establishmentSortKeys: readonly string[];
}

export const DEFAULT_VIEW: WorkspaceView = {
  tab: 'permits',
  permits: NO_PERMIT_FILTER,
  permitSort: { key: 'submitted_on', isDescending: true },
  establishments: { category: null, grade: null },
  establishmentSort: { key: 'name', isDescending: false },
  statistic: 'permits-status',
};

/** The query parameters the workspace owns. */
const OWN_PARAMETERS = ['tab', 'kind', 'status', 'from', 'to', 'age', 'sort', 'category', 'grade', 'esort', 'stat'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<Value extends string>(value: string | null, allowed: readonly Value[]): Value | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as Value) : null;
}

function isoDate(value: string | null): string | null {
  return value !== null && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
}

function parseSort(value: string | null, keys: readonly string[], fallback: SortOrder): SortOrder {
  if (!value) return fallback;
  const isDescending = value.startsWith('-');
  const key = isDescending ? value.slice(1) : value;
  return keys.includes(key) ? { key, isDescending } : fallback;
}

const formatSort = (sort: SortOrder) => `${sort.isDescending ? '-' : ''}${sort.key}`;

/** The workspace view a query string describes (defaults where it says nothing valid). */
export function parseWorkspaceView(search: string, allowed: AllowedValues): WorkspaceView {
  const query = new URLSearchParams(search);
  const from = isoDate(query.get('from'));
  const to = isoDate(query.get('to'));
  return {
    tab: oneOf(query.get('tab'), TABS) ?? DEFAULT_VIEW.tab,
    permits: {
      kind: oneOf(query.get('kind'), allowed.kind),
      status: oneOf(query.get('status'), allowed.status),
      from,
      to: from !== null && to !== null && to < from ? null : to,
      bucket: oneOf<AgeBucket>(query.get('age'), AGE_BUCKETS),
    },
    permitSort: parseSort(query.get('sort'), allowed.permitSortKeys, DEFAULT_VIEW.permitSort),
    establishments: { category: oneOf(query.get('category'), allowed.category), grade: oneOf(query.get('grade'), allowed.grade) },
    establishmentSort: parseSort(query.get('esort'), allowed.establishmentSortKeys, DEFAULT_VIEW.establishmentSort),
    statistic: oneOf(query.get('stat'), STATISTICS) ?? DEFAULT_VIEW.statistic,
  };
}

/** The query string with this view written in (defaults left out, other parameters kept). */
export function withWorkspaceView(search: string, view: WorkspaceView): string {
  const query = new URLSearchParams(search);
  for (const name of OWN_PARAMETERS) query.delete(name);
  const set = (name: string, value: string | null, fallback: string | null = null) => {
    if (value !== null && value !== fallback) query.set(name, value);
  };
  set('tab', view.tab, DEFAULT_VIEW.tab);
  set('kind', view.permits.kind);
  set('status', view.permits.status);
  set('from', view.permits.from);
  set('to', view.permits.to);
  set('age', view.permits.bucket);
  set('sort', formatSort(view.permitSort), formatSort(DEFAULT_VIEW.permitSort));
  set('category', view.establishments.category);
  set('grade', view.establishments.grade);
  set('esort', formatSort(view.establishmentSort), formatSort(DEFAULT_VIEW.establishmentSort));
  set('stat', view.statistic, DEFAULT_VIEW.statistic);
  const text = query.toString();
  return text ? `?${text}` : '';
}
