import { describe, expect, it } from 'vitest';
import {
  bucketSelection,
  daysBetween,
  NO_PERMIT_FILTER,
  permitConditions,
  permitItemsQuery,
  permitMapFilter,
  permitStatsQuery,
  todayInCasablanca,
} from './permit-filters.ts';
import { DEFAULT_VIEW, parseWorkspaceView, withWorkspaceView } from './workspace-url.ts';

const TODAY = '2026-12-07';
const query = (parameters: URLSearchParams | null) => (parameters === null ? null : Object.fromEntries(parameters));

describe('the age buckets', () => {
  it('select the ages the server’s statistics count: today minus submission, in whole days', () => {
    const ages = (bucket: Parameters<typeof bucketSelection>[0]) => {
      const selection = bucketSelection(bucket, TODAY);
      return [selection.to === null ? null : daysBetween(selection.to, TODAY), selection.from === null ? null : daysBetween(selection.from, TODAY)];
    };
    expect(ages('pending-0-30')).toEqual([0, 30]);
    expect(ages('pending-31-60')).toEqual([31, 60]);
    expect(ages('pending-61-90')).toEqual([61, 90]);
    expect(ages('pending-over-90')).toEqual([91, null]);
    expect(bucketSelection('pending-31-60', TODAY).statuses).toEqual(['submitted', 'under_review']);
    expect(bucketSelection('expiring-30', TODAY)).toEqual({ statuses: ['approved'], property: 'valid_until', from: TODAY, to: '2027-01-06' });
  });

  it('count days in Casablanca’s calendar, whatever the device’s clock zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Casablanca (UTC+1).
    expect(todayInCasablanca(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInCasablanca(new Date('2026-12-31T12:00:00Z'))).toBe('2026-12-31');
  });
});

describe('the list’s items query', () => {
  it('is empty of filters when nothing is chosen', () => {
    expect(query(permitItemsQuery(NO_PERMIT_FILTER, TODAY))).toEqual({});
  });

  it('maps kind, status and submission dates to the items filters', () => {
    const filter = { ...NO_PERMIT_FILTER, kind: 'construction', status: 'approved', from: '2026-01-01', to: null };
    expect(query(permitItemsQuery(filter, TODAY))).toEqual({ kind: 'construction', status: 'approved', submitted_on: '2026-01-01/..' });
  });

  it('maps an age bucket to the pending statuses and the submission interval of those ages', () => {
    const filter = { ...NO_PERMIT_FILTER, bucket: 'pending-31-60' as const };
    expect(query(permitItemsQuery(filter, TODAY))).toEqual({ status: 'submitted,under_review', submitted_on: '2026-10-08/2026-11-06' });
    expect(query(permitItemsQuery({ ...NO_PERMIT_FILTER, bucket: 'pending-over-90' }, TODAY))).toEqual({ status: 'submitted,under_review', submitted_on: '../2026-09-07' });
  });

  it('narrows a bucket by the chosen status and dates, and finds contradictions empty', () => {
    const underReview = { ...NO_PERMIT_FILTER, status: 'under_review', bucket: 'pending-0-30' as const, from: '2026-11-20' };
    expect(query(permitItemsQuery(underReview, TODAY))).toEqual({ status: 'under_review', submitted_on: '2026-11-20/2026-12-07' });
    expect(permitItemsQuery({ ...NO_PERMIT_FILTER, status: 'approved', bucket: 'pending-0-30' }, TODAY)).toBeNull();
    expect(permitItemsQuery({ ...NO_PERMIT_FILTER, to: '2026-01-01', bucket: 'pending-0-30' }, TODAY)).toBeNull();
    expect(permitConditions({ ...NO_PERMIT_FILTER, status: 'approved', bucket: 'pending-0-30' }, TODAY).isEmpty).toBe(true);
  });

  it('maps the expiring bucket to approvals valid until the next 30 days, keeping the submission dates', () => {
    const filter = { ...NO_PERMIT_FILTER, bucket: 'expiring-30' as const, from: '2025-01-01' };
    expect(query(permitItemsQuery(filter, TODAY))).toEqual({ status: 'approved', submitted_on: '2025-01-01/..', valid_until: '2026-12-07/2027-01-06' });
  });
});

describe('the legend’s statistics query', () => {
  it('asks for the same kind, status and dates, every bucket counted, by status, with the same today', () => {
    const filter = { ...NO_PERMIT_FILTER, kind: 'signage', status: 'submitted', from: '2026-01-01', to: '2026-12-01', bucket: 'pending-0-30' as const };
    expect(query(permitStatsQuery(filter, TODAY))).toEqual({
      layer: 'permits', today: TODAY, countBy: 'status', kind: 'signage', status: 'submitted', from: '2026-01-01', to: '2026-12-01',
    });
  });
});

describe('the map’s filter', () => {
  it('keeps the same permits as the list, over the properties the tiles carry', () => {
    expect(permitMapFilter(NO_PERMIT_FILTER, TODAY)).toBeNull();
    expect(permitMapFilter({ ...NO_PERMIT_FILTER, kind: 'event' }, TODAY)).toEqual(['==', ['get', 'kind'], 'event']);
    expect(permitMapFilter({ ...NO_PERMIT_FILTER, bucket: 'expiring-30' }, TODAY)).toEqual([
      'all',
      ['match', ['get', 'status'], ['approved'], true, false],
      ['>=', ['to-string', ['get', 'valid_until']], TODAY],
      ['all', ['has', 'valid_until'], ['<=', ['to-string', ['get', 'valid_until']], '2027-01-06']],
    ]);
    expect(permitMapFilter({ ...NO_PERMIT_FILTER, status: 'rejected', bucket: 'pending-61-90' }, TODAY)).toEqual(['boolean', false]);
  });
});

describe('the workspace URL', () => {
  const allowed = {
    kind: ['construction', 'signage'],
    status: ['submitted', 'approved'],
    category: ['restaurant'],
    grade: ['A', 'B', 'C'],
    permitSortKeys: ['reference', 'submitted_on'],
    establishmentSortKeys: ['name', 'latest_grade'],
  };

  it('round-trips a view and keeps the parameters it does not own', () => {
    const view = {
      ...DEFAULT_VIEW,
      tab: 'statistics' as const,
      permits: { kind: 'signage', status: 'submitted', from: '2026-01-01', to: '2026-06-30', bucket: 'pending-31-60' as const },
      permitSort: { key: 'reference', isDescending: false },
      establishments: { category: 'restaurant', grade: 'C' },
      statistic: 'inspections-failing' as const,
    };
    const search = withWorkspaceView('?lang=ar&feature=permits/4', view);
    expect(new URLSearchParams(search).get('lang')).toBe('ar');
    expect(new URLSearchParams(search).get('feature')).toBe('permits/4');
    expect(new URLSearchParams(search).get('age')).toBe('pending-31-60');
    expect(parseWorkspaceView(search, allowed)).toEqual(view);
    expect(withWorkspaceView('?lang=fr', DEFAULT_VIEW)).toBe('?lang=fr');
  });

  it('ignores unknown values and malformed dates instead of trusting them', () => {
    const view = parseWorkspaceView('?tab=secret&kind=bomb&from=2026-02-31x&to=yesterday&age=old&sort=-password&stat=x', allowed);
    expect(view).toEqual(DEFAULT_VIEW);
    expect(parseWorkspaceView('?from=2026-06-01&to=2026-01-01', allowed).permits).toMatchObject({ from: '2026-06-01', to: null });
  });
});
