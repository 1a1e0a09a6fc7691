import { useEffect, useMemo, useState } from 'react';
import type { ListedFeature } from '../api/fetch-features.ts';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useMapController } from '../map/map-context.tsx';
import { describeTitle } from '../ui/describe-feature.ts';
import { formatPropertyValue } from '../ui/format-value.ts';
import { useSelection } from '../ui/use-selection.ts';
import { EnumSelect } from './enum-select.tsx';
import { GradeBadge } from './grade-badge.tsx';
import { INSPECT_MESSAGES } from './inspect-messages.ts';
import { ListStatus } from './list-status.tsx';
import { SortControl } from './sort-control.tsx';
import { sortRows } from './sort-rows.ts';
import { ESTABLISHMENT_SORT_KEYS } from './use-workspace-view.ts';
import { useViewList } from './use-view-list.ts';
import { VirtualFeatureList } from './virtual-feature-list.tsx';
import type { EstablishmentFilter, WorkspaceView } from './workspace-url.ts';

/** The items query and the map filter of the establishment filters (category, latest grade). */
export function establishmentQuery(filter: EstablishmentFilter): { parameters: URLSearchParams; mapFilter: unknown[] | null } {
  const parameters = new URLSearchParams();
  const parts: unknown[][] = [];
  if (filter.category) {
    parameters.set('category', filter.category);
    parts.push(['==', ['get', 'category'], filter.category]);
  }
  if (filter.grade) {
    parameters.set('latest_grade', filter.grade);
    parts.push(['==', ['get', 'latest_grade'], filter.grade]);
  }
  return { parameters, mapFilter: parts.length === 0 ? null : parts.length === 1 ? parts[0]! : ['all', ...parts] };
}

interface EstablishmentsTabProps {
  layer: LayerCatalogEntry;
  view: WorkspaceView;
  update: (change: (view: WorkspaceView) => WorkspaceView) => void;
  reloadKey: number;
  onOpen: (row: ListedFeature) => void;
}

/** Establishments under hygiene control in view, with their latest grade; filtered by category and grade. */
export function EstablishmentsTab({ layer, view, update, reloadKey, onOpen }: EstablishmentsTabProps) {
  const messages = useMessages(INSPECT_MESSAGES);
  const { language } = useI18n();
  const controller = useMapController();
  const { selection } = useSelection();
  const [retries, setRetries] = useState(0);
  const filter = view.establishments;
  const setFilter = (change: Partial<EstablishmentFilter>) => update((current) => ({ ...current, establishments: { ...current.establishments, ...change } }));
  const query = useMemo(() => establishmentQuery(filter), [filter]);
  const list = useViewList(layer.id, query.parameters, reloadKey + retries);

  useEffect(() => {
    controller.setLayerFilter(layer.id, query.mapFilter as Parameters<typeof controller.setLayerFilter>[1]);
  }, [controller, layer.id, query.mapFilter]);
  useEffect(() => () => controller.setLayerFilter(layer.id, null), [controller, layer.id]);

  const category = layer.properties.find((property) => property.name === 'category');
  const categoryLabel = (row: ListedFeature) => (category ? (formatPropertyValue(category, row.properties.category, language)?.text ?? null) : null);
  const sortValue = (row: ListedFeature) => {
    if (view.establishmentSort.key === 'name') return describeTitle(layer, row.properties, row.id, language);
    if (view.establishmentSort.key === 'category') return categoryLabel(row);
    return (row.properties.latest_grade as string | null | undefined) ?? null;
  };
  const rows = 'rows' in list ? sortRows(list.rows, view.establishmentSort, sortValue, language) : [];

  return (
    <div className="inspect-tab" data-tab="establishments">
      <fieldset className="filter-form">
        <legend className="inspect-subheading">{messages.filtersHeading}</legend>
        <EnumSelect layer={layer} property="category" value={filter.category} onChange={(value) => setFilter({ category: value })} />
        <EnumSelect layer={layer} property="latest_grade" value={filter.grade} onChange={(value) => setFilter({ grade: value })} />
      </fieldset>
      <SortControl keys={ESTABLISHMENT_SORT_KEYS} labels={messages.establishmentColumns} order={view.establishmentSort} onChange={(establishmentSort) => update((current) => ({ ...current, establishmentSort }))} />
      <ListStatus list={list} countForms={messages.establishmentsInView} onRetry={() => setRetries((value) => value + 1)} />
      {rows.length > 0 && (
        <VirtualFeatureList
          rows={rows}
          label={messages.tabs.establishments}
          layerId={layer.id}
          selectedId={selection?.layerId === layer.id ? selection.featureId : null}
          onOpen={onOpen}
          renderRow={(row) => (
            <>
              <span className="feature-list__title">
                <bdi>{describeTitle(layer, row.properties, row.id, language)}</bdi>
                <GradeBadge layer={layer} grade={(row.properties.latest_grade as string | null | undefined) ?? null} />
              </span>
              <span className="feature-list__detail">{categoryLabel(row)}</span>
            </>
          )}
        />
      )}
    </div>
  );
}
