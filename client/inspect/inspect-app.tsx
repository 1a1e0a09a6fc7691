import './inspect.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ListedFeature } from '../api/fetch-features.ts';
import { geometryBounds } from '../api/geometry-bounds.ts';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { nameOf, type StaffUser } from '../api/principal.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useMapController } from '../map/map-context.tsx';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import { describeTitle } from '../ui/describe-feature.ts';
import { MapWorkspace, useSidePanel } from '../ui/map-workspace.tsx';
import { MeasureTool } from '../ui/measure-tool.tsx';
import { NamesLanguageNote } from '../ui/names-language-note.tsx';
import { SelectionDetails } from '../ui/selection-details.tsx';
import { useLayerFamilies } from '../ui/use-layer-families.ts';
import { useSelection } from '../ui/use-selection.ts';
import { EstablishmentHistory } from './establishment-history.tsx';
import { InspectPanel } from './inspect-panel.tsx';
import { INSPECT_MESSAGES } from './inspect-messages.ts';
import { OutboxProvider, useOutbox } from './offline/use-outbox.tsx';
import { useOfflineWorkspace } from './offline/use-offline-workspace.ts';
import { OutboxPanel } from './outbox-panel.tsx';
import { todayInCasablanca } from './permit-filters.ts';
import { PermitTimeline } from './permit-timeline.tsx';
import { RecordInspectionDialog } from './record-inspection-dialog.tsx';
import { RECORD_MESSAGES } from './record-messages.ts';
import { useWorkspaceView } from './use-workspace-view.ts';

/** Permits, establishments and inspections, with the administrative areas they are confined to. */
const INSPECT_FAMILIES = ['authorisations', 'hygiene', 'reference'];
/** The zoom a feature opened from a list is shown at, at least. */
const OPENED_FEATURE_ZOOM = 16;

/**
 * The inspectors' workspace at /inspect (role inspector or admin): the permits and hygiene records of the
 * inspector's arrondissements (the server confines every answer to them), personal data as the role allows,
 * with lists that follow the map, statistics, cards, recording in the field and an offline queue.
 */
export function InspectApp() {
  const { catalog, session } = useServices();
  const catalogState = useStore(catalog, (value) => value);
  const sessionState = useStore(session, (value) => value.state);
  if (catalogState.status !== 'ready' || sessionState.status !== 'signed-in') return null;
  return (
    <OutboxProvider owner={sessionState.user.username}>
      <ReadyInspectApp catalog={catalogState.catalog} user={sessionState.user} />
    </OutboxProvider>
  );
}

function ReadyInspectApp({ catalog, user }: { catalog: LayerCatalog; user: StaffUser }) {
  useLayerFamilies(catalog, INSPECT_FAMILIES);
  useOfflineWorkspace();
  const messages = useMessages(INSPECT_MESSAGES);
  const { language } = useI18n();
  const controller = useMapController();
  const outbox = useOutbox();
  const [view, update] = useWorkspaceView(catalog);
  const today = useMemo(() => todayInCasablanca(), []);
  const [recording, setRecording] = useState<{ layerId: string; featureId: string; name: string } | null>(null);
  const [notice, setNotice] = useState<'saved' | 'queued' | null>(null);
  const inspections = catalog.layers.find((layer) => layer.id === 'inspections');
  const establishments = catalog.layers.find((layer) => layer.id === 'establishments');
  const permits = catalog.layers.find((layer) => layer.id === 'permits');

  // What reached the server shows at once: the establishment's new grade on the map, lists and cards.
  useEffect(() => {
    if (outbox.sentCount > 0) controller.reloadLayerTiles(catalog.layers.map((layer) => layer.id).filter((id) => id === 'establishments' || id === 'permits'));
  }, [controller, catalog, outbox.sentCount]);

  const renderExtra = useCallback(
    (selection: { layerId: string; featureId: string; tileProperties?: Record<string, unknown> }) => {
      if (selection.layerId === permits?.id) return <PermitTimeline layer={permits} permitId={selection.featureId} today={today} />;
      if (selection.layerId !== establishments?.id || !inspections) return undefined;
      const canRecord = catalog.layers.find((layer) => layer.id === inspections.id)?.permissions.create === true;
      const name = selection.tileProperties ? describeTitle(establishments, selection.tileProperties, selection.featureId, language) : undefined;
      return (
        <EstablishmentHistory
          establishments={establishments}
          inspections={inspections}
          establishmentId={selection.featureId}
          onRecord={canRecord ? () => setRecording({ layerId: establishments.id, featureId: selection.featureId, name: name ?? `#${selection.featureId}` }) : null}
        />
      );
    },
    [catalog, establishments, inspections, permits, today, language],
  );

  return (
    <div className="inspect-app">
      <MapWorkspace
        panelLabel={messages.panelLabel}
        tools={<MeasureTool />}
        panel={<PanelWithOpen catalog={catalog} view={view} update={update} today={today} isConfined={user.areas.length > 0} reloadKey={outbox.sentCount} />}
      >
        <NamesLanguageNote />
        <OutboxPanel owner={user.username} />
        {notice && <SavedNotice kind={notice} onClose={() => setNotice(null)} />}
        <SelectionDetails catalog={catalog} renderExtra={renderExtra} />
      </MapWorkspace>
      {recording && inspections && establishments && (
        <RecordInspectionDialog
          inspections={inspections}
          establishments={establishments}
          establishment={recording}
          inspectorName={nameOf(user)}
          today={today}
          onCancel={() => setRecording(null)}
          onDone={(result) => {
            setRecording(null);
            setNotice(result.kind === 'sent' ? 'saved' : 'queued');
          }}
        />
      )}
    </div>
  );
}

/** The panel, with the way a list row opens its feature: selected, flown to, the map shown on a phone. */
function PanelWithOpen(props: Omit<Parameters<typeof InspectPanel>[0], 'onOpenRow' | 'onOpen' | 'families'>) {
  const controller = useMapController();
  const { open } = useSelection();
  const panel = useSidePanel();
  const onOpenRow = (layerId: string, row: ListedFeature) => {
    open({ layerId, featureId: String(row.id) });
    const bounds = row.geometry ? geometryBounds(row.geometry) : null;
    if (bounds) controller.flyTo([(bounds[0]! + bounds[2]!) / 2, (bounds[1]! + bounds[3]!) / 2], OPENED_FEATURE_ZOOM);
    panel.revealMap();
  };
  const onOpen = (reference: { layerId: string; featureId: string }) => {
    open(reference);
    panel.revealMap();
  };
  return <InspectPanel {...props} families={INSPECT_FAMILIES} onOpenRow={onOpenRow} onOpen={onOpen} />;
}

/** Says where a recorded inspection went: to the server, or kept on the device until the network returns. */
function SavedNotice({ kind, onClose }: { kind: 'saved' | 'queued'; onClose: () => void }) {
  const messages = useMessages(RECORD_MESSAGES);
  useEffect(() => {
    const timer = window.setTimeout(onClose, 8000);
    return () => window.clearTimeout(timer);
  }, [onClose]);
  return (
    <div className="saved-notice" role="status" data-kind={kind}>
      {kind === 'saved' ? messages.savedOnline : messages.savedOffline}
    </div>
  );
}
