import { useEffect, useMemo } from 'react';
import type { AreaStatistics } from '../api/fetch-stats.ts';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { localeOf } from '../i18n/language.ts';
import { pickLabel } from '../i18n/pick-label.ts';
import { useMapController } from '../map/map-context.tsx';
import { bucketColour } from './bucket-legend.tsx';
import { CHOROPLETH_OVERLAY_ID, choroplethClasses, choroplethOverlay, colourOf, statisticLayer, statisticValue } from './choropleth.ts';
import { INSPECT_MESSAGES } from './inspect-messages.ts';
import { AGE_BUCKETS } from './permit-filters.ts';
import { STATISTICS_MESSAGES } from './statistics-messages.ts';
import { useStats } from './use-stats.ts';
import { STATISTICS, type StatisticId, type WorkspaceView } from './workspace-url.ts';

interface Segment {
  key: string;
  value: number;
  colour: string;
  label: string;
}

/**
 * Statistics per arrondissement from GET /api/query/stats, switching between permits (by status, by age)
 * and inspections (average score, failing share): a choropleth on the map with its legend, and a small
 * bar chart of the areas the caller has figures for (stacked by status or by age for permits).
 */
export function StatisticsTab({ catalog, view, update, today, reloadKey }: { catalog: LayerCatalog; view: WorkspaceView; update: (change: (view: WorkspaceView) => WorkspaceView) => void; today: string; reloadKey: number }) {
  const messages = useMessages(STATISTICS_MESSAGES);
  const inspectMessages = useMessages(INSPECT_MESSAGES);
  const { language } = useI18n();
  const controller = useMapController();
  const statistic = view.statistic;
  const layerId = statisticLayer(statistic);
  const layer = catalog.layers.find((entry) => entry.id === layerId);
  const areaLayer = catalog.layers.find((entry) => entry.family === 'reference');
  const parameters = useMemo(() => (layer ? new URLSearchParams({ layer: layerId, today, ...(statistic === 'permits-status' ? { countBy: 'status' } : {}) }) : null), [layer, layerId, today, statistic]);
  const stats = useStats(parameters, reloadKey);
  const isShare = statistic === 'inspections-failing';
  const number = new Intl.NumberFormat(localeOf(language), isShare ? { style: 'percent', maximumFractionDigits: 0 } : { maximumFractionDigits: 1 });

  const measured = useMemo(() => {
    if (stats.status !== 'ready') return [];
    return stats.areas.flatMap((area) => {
      const value = statisticValue(statistic, area);
      return value !== null && area.count > 0 ? [{ area, value }] : [];
    });
  }, [stats, statistic]);
  const classes = useMemo(() => choroplethClasses(measured.map((entry) => entry.value), isShare), [measured, isShare]);

  useEffect(() => {
    if (!areaLayer) return undefined;
    controller.overlays.set(choroplethOverlay(areaLayer.id, new Map(measured.map((entry) => [entry.area.area.id, colourOf(entry.value, classes)]))));
    return undefined;
  }, [controller, areaLayer, measured, classes]);
  useEffect(() => () => controller.overlays.remove(CHOROPLETH_OVERLAY_ID), [controller]);

  const segments = (area: AreaStatistics): Segment[] => {
    if (statistic === 'permits-status' && layer) {
      const status = layer.properties.find((property) => property.name === 'status');
      return (status?.values ?? []).map((entry) => ({ key: entry.value, value: area.counts?.[entry.value] ?? 0, colour: layer.style.colorByValue?.[entry.value] ?? layer.style.color, label: pickLabel(entry.label, language) }));
    }
    if (statistic === 'permits-age') {
      const pending = area.pending;
      const values = [pending?.days0to30, pending?.days31to60, pending?.days61to90, pending?.over90];
      return AGE_BUCKETS.slice(0, 4).map((bucket, index) => ({ key: bucket, value: values[index] ?? 0, colour: bucketColour(bucket), label: inspectMessages.buckets[bucket] }));
    }
    return [];
  };
  const sorted = [...measured].sort((a, b) => b.value - a.value);
  const maxValue = isShare ? 1 : statistic === 'inspections-score' ? 100 : Math.max(1, ...sorted.map((entry) => entry.value));
  const areaName = (area: AreaStatistics) => (language === 'ar' ? area.area.name.ar : area.area.name.fr);

  return (
    <div className="inspect-tab statistics-tab" data-tab="statistics" data-statistic={statistic}>
      <fieldset className="statistic-switch">
        <legend className="inspect-subheading">{messages.heading}</legend>
        {STATISTICS.map((id: StatisticId) => (
          <label key={id} className="check-option">
            <input type="radio" name="statistic" value={id} checked={statistic === id} onChange={() => update((current) => ({ ...current, statistic: id }))} />
            <span>{messages.measures[id]}</span>
          </label>
        ))}
      </fieldset>
      {stats.status === 'loading' && <p className="list-status" role="status">{messages.loading}</p>}
      {stats.status === 'failed' && <p className="list-status list-status--error" role="alert">{messages.failed}</p>}
      {stats.status === 'ready' && measured.length === 0 && <p className="list-status">{messages.empty}</p>}
      {classes.length > 0 && (
        <section className="choropleth-legend" aria-label={messages.legendTitle[statistic]}>
          <h3 className="inspect-subheading">{messages.legendTitle[statistic]}</h3>
          <ul className="legend">
            {classes.map((entry) => (
              <li key={`${entry.from}-${entry.to}`} className="legend__row">
                <span className="choropleth-swatch" style={{ backgroundColor: entry.colour }} aria-hidden="true" />
                <span dir="ltr">{entry.from === entry.to ? number.format(entry.from) : `${number.format(entry.from)} – ${number.format(entry.to)}`}</span>
              </li>
            ))}
            <li className="legend__row">
              <span className="choropleth-swatch choropleth-swatch--empty" aria-hidden="true" />
              <span>{messages.noData}</span>
            </li>
          </ul>
        </section>
      )}
      {sorted.length > 0 && (
        <section className="stat-chart" aria-label={messages.chartHeading}>
          <h3 className="inspect-subheading">{messages.chartHeading}</h3>
          <ul className="stat-chart__rows">
            {sorted.map(({ area, value }) => {
              const parts = segments(area);
              return (
                <li key={area.area.id} className="stat-chart__row" data-area-code={area.area.code} data-value={value}>
                  <span className="stat-chart__name"><bdi>{areaName(area)}</bdi></span>
                  <span className="stat-chart__bar" role="img" aria-label={`${areaName(area)} : ${number.format(value)}${parts.length ? ` (${parts.filter((part) => part.value > 0).map((part) => `${part.label} ${part.value}`).join(', ')})` : ''}`}>
                    {parts.length > 0
                      ? parts.map((part) => <span key={part.key} className="stat-chart__segment" title={`${part.label} : ${part.value}`} style={{ inlineSize: `${(100 * part.value) / maxValue}%`, backgroundColor: part.colour }} />)
                      : <span className="stat-chart__segment" style={{ inlineSize: `${(100 * value) / maxValue}%`, backgroundColor: colourOf(value, classes) }} />}
                  </span>
                  <span className="stat-chart__value">{number.format(value)}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
