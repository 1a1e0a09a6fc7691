import { useMessages } from '../i18n/define-messages.ts';
import { MapAppWorkspace } from '../ui/map-app-workspace.tsx';
import { AssignedAreas } from './assigned-areas.tsx';
import { INSPECT_MESSAGES } from './inspect-messages.ts';

/** Permits, establishments and inspections, with the administrative areas they are confined to. */
const INSPECT_FAMILIES = ['authorisations', 'hygiene', 'reference'];

/**
 * The inspectors' workspace at /inspect (role inspector or admin): the permits and hygiene records of the
 * inspector's arrondissements (the server confines every answer to them), personal data as the role allows.
 */
export function InspectApp() {
  const messages = useMessages(INSPECT_MESSAGES);
  return (
    <MapAppWorkspace
      families={INSPECT_FAMILIES}
      panelLabel={messages.panelLabel}
      panelStart={(catalog) => (
        <>
          <p className="side-panel__intro">{messages.intro}</p>
          <AssignedAreas catalog={catalog} />
        </>
      )}
    />
  );
}
