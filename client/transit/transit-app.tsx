import './transit.css';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import { TransitWorkspace } from './transit-workspace.tsx';

/**
 * The citizens' transit map, the home page (`/`, also `/transit`): the tram, busway and bus network in its
 * colours; a stop's lines, connections on foot and next departures; a line's stops in order; a search for
 * stops, streets and places; journeys from one place to another, drawn on the map. No account, no personal
 * data: the device's position is asked for only when the rider presses a button, and kept in the page.
 */
export function TransitApp() {
  const { catalog } = useServices();
  const catalogState = useStore(catalog, (value) => value);
  if (catalogState.status !== 'ready') return null;
  return <TransitWorkspace catalog={catalogState.catalog} />;
}
