import { type KeyboardEvent, useId } from 'react';
import type { ListedFeature } from '../api/fetch-features.ts';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import type { FeatureReference } from '../state/url-state.ts';
import { LayerPanel } from '../ui/layer-panel.tsx';
import { layersOfFamilies } from '../ui/use-layer-families.ts';
import { AssignedAreas } from './assigned-areas.tsx';
import { EstablishmentsTab } from './establishments-tab.tsx';
import { INSPECT_MESSAGES } from './inspect-messages.ts';
import { NearMe } from './near-me.tsx';
import { PermitsTab } from './permits-tab.tsx';
import { StatisticsTab } from './statistics-tab.tsx';
import { TABS, type WorkspaceTab, type WorkspaceView } from './workspace-url.ts';

interface InspectPanelProps {
  catalog: LayerCatalog;
  families: readonly string[];
  view: WorkspaceView;
  update: (change: (view: WorkspaceView) => WorkspaceView) => void;
  today: string;
  isConfined: boolean;
  reloadKey: number;
  onOpenRow: (layerId: string, row: ListedFeature) => void;
  onOpen: (reference: FeatureReference) => void;
}

/**
 * The workspace's side panel: the inspector's districts and "near me", then tabs (permits, establishments,
 * statistics, layers) whose choice is kept in the URL. Tabs follow the ARIA tabs pattern: arrows move
 * between them, the open one's panel follows.
 */
export function InspectPanel({ catalog, families, view, update, today, isConfined, reloadKey, onOpenRow, onOpen }: InspectPanelProps) {
  const messages = useMessages(INSPECT_MESSAGES);
  const baseId = useId();
  const permits = catalog.layers.find((layer) => layer.id === 'permits');
  const establishments = catalog.layers.find((layer) => layer.id === 'establishments');
  const tabs = TABS.filter((tab) => (tab === 'permits' ? permits : tab === 'establishments' ? establishments : true));
  const current = tabs.includes(view.tab) ? view.tab : tabs[0]!;
  const select = (tab: WorkspaceTab) => update((value) => ({ ...value, tab }));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(current);
    const isRtl = document.documentElement.dir === 'rtl';
    const step = { ArrowRight: isRtl ? -1 : 1, ArrowLeft: isRtl ? 1 : -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    select(next);
    document.getElementById(`${baseId}-tab-${next}`)?.focus();
  };

  return (
    <>
      <p className="side-panel__intro">{messages.intro}</p>
      <AssignedAreas catalog={catalog} />
      <NearMe catalog={catalog} onOpen={onOpen} />
      <div className="inspect-tabs" role="tablist" aria-label={messages.panelLabel} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            id={`${baseId}-tab-${tab}`}
            type="button"
            role="tab"
            className="inspect-tabs__tab"
            aria-selected={tab === current}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === current ? 0 : -1}
            data-tab={tab}
            onClick={() => select(tab)}
          >
            {messages.tabs[tab]}
          </button>
        ))}
      </div>
      <div id={`${baseId}-panel`} role="tabpanel" aria-labelledby={`${baseId}-tab-${current}`} className="inspect-tabpanel">
        {current === 'permits' && permits && (
          <PermitsTab layer={permits} view={view} update={update} today={today} isConfined={isConfined} reloadKey={reloadKey} onOpen={(row) => onOpenRow(permits.id, row)} />
        )}
        {current === 'establishments' && establishments && (
          <EstablishmentsTab layer={establishments} view={view} update={update} reloadKey={reloadKey} onOpen={(row) => onOpenRow(establishments.id, row)} />
        )}
        {current === 'statistics' && <StatisticsTab catalog={catalog} view={view} update={update} today={today} reloadKey={reloadKey} />}
        {current === 'layers' && <LayerPanel layers={layersOfFamilies(catalog, families)} onOpenFeature={onOpen} />}
      </div>
    </>
  );
}
