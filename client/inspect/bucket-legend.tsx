import type { AreaStatistics } from '../api/fetch-stats.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { localeOf } from '../i18n/language.ts';
import { INSPECT_MESSAGES } from './inspect-messages.ts';
import { AGE_BUCKETS, type AgeBucket } from './permit-filters.ts';
import type { StatsState } from './use-stats.ts';

/** The count of each bucket over the areas the server answered for (the caller's districts, or the city). */
export function bucketCounts(areas: readonly AreaStatistics[]): Record<AgeBucket, number> {
  const sum = (pick: (area: AreaStatistics) => number | undefined) => areas.reduce((total, area) => total + (pick(area) ?? 0), 0);
  return {
    'pending-0-30': sum((area) => area.pending?.days0to30),
    'pending-31-60': sum((area) => area.pending?.days31to60),
    'pending-61-90': sum((area) => area.pending?.days61to90),
    'pending-over-90': sum((area) => area.pending?.over90),
    'expiring-30': sum((area) => area.expiringWithin30Days),
  };
}

const BUCKET_COLOURS: Record<AgeBucket, string> = {
  'pending-0-30': '#9ecae1',
  'pending-31-60': '#4292c6',
  'pending-61-90': '#e6852e',
  'pending-over-90': '#b3202a',
  'expiring-30': '#7b4fa0',
};

export function bucketColour(bucket: AgeBucket): string {
  return BUCKET_COLOURS[bucket];
}

interface BucketLegendProps {
  stats: StatsState;
  selected: AgeBucket | null;
  isConfined: boolean;
  onSelect: (bucket: AgeBucket | null) => void;
}

/**
 * The age buckets as toggle buttons, each with its count from the server's statistics under the other
 * filters: pressing one filters the list and the map to it, pressing it again lifts the filter.
 */
export function BucketLegend({ stats, selected, isConfined, onSelect }: BucketLegendProps) {
  const messages = useMessages(INSPECT_MESSAGES);
  const { language } = useI18n();
  const counts = stats.status === 'ready' ? bucketCounts(stats.areas) : null;
  const number = new Intl.NumberFormat(localeOf(language));
  return (
    <section className="bucket-legend" aria-labelledby="bucket-legend-heading" aria-busy={stats.status === 'loading'}>
      <h3 id="bucket-legend-heading" className="inspect-subheading">
        {messages.bucketsHeading} <span className="bucket-legend__scope">{isConfined ? messages.bucketsScope.districts : messages.bucketsScope.city}</span>
      </h3>
      <ul className="bucket-legend__list">
        {AGE_BUCKETS.map((bucket) => (
          <li key={bucket}>
            <button
              type="button"
              className="bucket-chip"
              aria-pressed={selected === bucket}
              data-bucket={bucket}
              data-count={counts?.[bucket] ?? ''}
              onClick={() => onSelect(selected === bucket ? null : bucket)}
            >
              <span className="bucket-chip__swatch" style={{ backgroundColor: bucketColour(bucket) }} aria-hidden="true" />
              <span className="bucket-chip__label">{messages.buckets[bucket]}</span>
              <span className="bucket-chip__count">{counts ? number.format(counts[bucket]) : '…'}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
