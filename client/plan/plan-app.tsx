import { useMessages } from '../i18n/define-messages.ts';
import { MapAppWorkspace } from '../ui/map-app-workspace.tsx';
import { useSelection } from '../ui/use-selection.ts';
import { PLAN_MESSAGES } from './plan-messages.ts';
import { SegmentHistory } from './segment-history.tsx';

/** Street heritage, with the administrative areas for orientation. */
const PLAN_FAMILIES = ['street_heritage', 'reference'];

/**
 * The planners' workspace at /plan (role planner or admin): the road network coloured by condition, a
 * segment's record and its history of versions.
 */
export function PlanApp() {
  const messages = useMessages(PLAN_MESSAGES);
  const { selection } = useSelection();
  return (
    <MapAppWorkspace
      families={PLAN_FAMILIES}
      panelLabel={messages.panelLabel}
      panelStart={(catalog) => {
        const layer = selection ? catalog.layers.find((entry) => entry.id === selection.layerId) : undefined;
        return (
          <>
            <p className="side-panel__intro">{messages.intro}</p>
            {selection && layer?.family === 'street_heritage' && <SegmentHistory reference={selection} />}
          </>
        );
      }}
    />
  );
}
