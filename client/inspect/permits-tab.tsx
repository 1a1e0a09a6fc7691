import { useEffect, useId, useMemo, useState } from 'react';
import type { ListedFeature } from '../api/fetch-features.ts';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { plural } from '../i18n/plural.ts';
import { useMapController } from '../map/map-context.tsx';
import { formatPropertyValue } from '../ui/format-value.ts';
import { useSelection } from '../ui/use-selection.ts';
import { BucketLegend } from './bucket-legend.tsx';
import { EnumSelect } from './enum-select.tsx';
import { INSPECT_MESSAGES } from './inspect-messages.ts';
import { ListStatus } from './list-status.tsx';
import { daysBetween, NO_PERMIT_FILTER, permitItemsQuery, permitMapFilter, permitStatsQuery } from './permit-filters.ts';
import { SortControl } from './sort-control.tsx';
import { sortRows } from './sort-rows.ts';
import { PERMIT_SORT_KEYS } from './use-workspace-view.ts';
import { useStats } from './use-stats.ts';
import { useViewList } from './use-view-list.ts';
import { VirtualFeatureList } from './virtual-feature-list.tsx';
import type { WorkspaceView } from './workspace-url.ts';

interface PermitsTabProps {
  layer: LayerCatalogEntry;
  view: WorkspaceView;
  update: (change: (view: WorkspaceView) => WorkspaceView) => void;
  today: string;
  isConfined: boolean;
  reloadKey: number;
  onOpen: (row: ListedFeature) => void;
}

/**
 * Permits: the filters (kind, status, submission dates), the age buckets with their counts, and the list
 * of the permits in view that match, sortable; the map draws the same permits.
 */
export function PermitsTab({ layer, view, update, today, isConfined, reloadKey, onOpen }: PermitsTabProps) {
  const messages = useMessages(INSPECT_MESSAGES);
  const { language } = useI18n();
  const controller = useMapController();
  const { selection } = useSelection();
  const fromId = useId();
  const toId = useId();
  const [retries, setRetries] = useState(0);
  const filter = view.permits;
  const setFilter = (change: Partial<typeof filter>) => update((current) => ({ ...current, permits: { ...current.permits, ...change } }));
  const parameters = useMemo(() => permitItemsQuery(filter, today), [filter, today]);
  const list = useViewList(layer.id, parameters, reloadKey + retries);
  const stats = useStats(useMemo(() => permitStatsQuery(filter, today), [filter, today]), reloadKey);
  const mapFilter = useMemo(() => permitMapFilter(filter, today), [filter, today]);

  useEffect(() => {
    controller.setLayerFilter(layer.id, mapFilter as Parameters<typeof controller.setLayerFilter>[1]);
  }, [controller, layer.id, mapFilter]);
  useEffect(() => () => controller.setLayerFilter(layer.id, null), [controller, layer.id]);

  const property = (name: string) => layer.properties.find((candidate) => candidate.name === name);
  const label = (row: ListedFeature, name: string) => {
    const definition = property(name);
    return definition ? (formatPropertyValue(definition, row.properties[name], language)?.text ?? null) : null;
  };
  const sortValue = (row: ListedFeature) => {
    const key = view.permitSort.key;
    return key === 'kind' || key === 'status' ? label(row, key) : ((row.properties[key] as string | undefined) ?? null);
  };
  const rows = 'rows' in list ? sortRows(list.rows, view.permitSort, sortValue, language) : [];
  const statusColour = (row: ListedFeature) => layer.style.colorByValue?.[String(row.properties.status)] ?? layer.style.color;
  const hasFilter = JSON.stringify(filter) !== JSON.stringify(NO_PERMIT_FILTER);

  return (
    <div className="inspect-tab" data-tab="permits">
      <fieldset className="filter-form">
        <legend className="inspect-subheading">{messages.filtersHeading}</legend>
        <EnumSelect layer={layer} property="kind" value={filter.kind} onChange={(kind) => setFilter({ kind })} />
        <EnumSelect layer={layer} property="status" value={filter.status} onChange={(status) => setFilter({ status })} />
        <div className="filter-field filter-field--half">
          <label htmlFor={fromId}>{messages.submittedFrom}</label>
          <input id={fromId} name="from" type="date" value={filter.from ?? ''} max={filter.to ?? undefined} onChange={(event) => setFilter({ from: event.target.value || null })} />
        </div>
        <div className="filter-field filter-field--half">
          <label htmlFor={toId}>{messages.submittedTo}</label>
          <input id={toId} name="to" type="date" value={filter.to ?? ''} min={filter.from ?? undefined} onChange={(event) => setFilter({ to: event.target.value || null })} />
        </div>
        {hasFilter && (
          <button type="button" className="button button--quiet filter-form__clear" onClick={() => setFilter(NO_PERMIT_FILTER)}>
            {messages.clearFilters}
          </button>
        )}
      </fieldset>
      <BucketLegend stats={stats} selected={filter.bucket} isConfined={isConfined} onSelect={(bucket) => setFilter({ bucket })} />
      <SortControl keys={PERMIT_SORT_KEYS} labels={messages.permitColumns} order={view.permitSort} onChange={(permitSort) => update((current) => ({ ...current, permitSort }))} />
      <ListStatus list={list} countForms={messages.permitsInView} onRetry={() => setRetries((value) => value + 1)} />
      {rows.length > 0 && (
        <VirtualFeatureList
          rows={rows}
          label={messages.tabs.permits}
          layerId={layer.id}
          selectedId={selection?.layerId === layer.id ? selection.featureId : null}
          onOpen={onOpen}
          renderRow={(row) => {
            const submitted = row.properties.submitted_on as string | undefined;
            const age = submitted ? daysBetween(submitted, today) : null;
            return (
              <>
                <span className="feature-list__title">
                  <bdi>{String(row.properties.reference ?? row.id)}</bdi>
                  <span className="status-badge" style={{ borderColor: statusColour(row) }}>
                    <span className="status-badge__dot" style={{ backgroundColor: statusColour(row) }} aria-hidden="true" />
                    {label(row, 'status')}
                  </span>
                </span>
                <span className="feature-list__detail">
                  {label(row, 'kind')} · {label(row, 'submitted_on')}
                  {age !== null && age >= 0 ? ` · ${plural(language, age, messages.ageDays)}` : ''}
                </span>
              </>
            );
          }}
        />
      )}
    </div>
  );
}
