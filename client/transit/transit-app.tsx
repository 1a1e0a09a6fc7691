import { useMessages } from '../i18n/define-messages.ts';
import { MapAppWorkspace } from '../ui/map-app-workspace.tsx';
import { TRANSIT_MESSAGES } from './transit-messages.ts';

/** The mobility family of the catalog: tram, busway and bus lines and their stops. */
const TRANSIT_FAMILIES = ['mobility'];

/**
 * The citizens' transit map at /transit: the lines (each with its colour, grouped by mode, a click opens
 * it and shows it whole) and the stations, with the features in view and the open one's details.
 */
export function TransitApp() {
  const messages = useMessages(TRANSIT_MESSAGES);
  return <MapAppWorkspace families={TRANSIT_FAMILIES} panelLabel={messages.panelLabel} panelStart={() => <p className="side-panel__intro">{messages.intro}</p>} />;
}
