import { useMessages } from '../i18n/define-messages.ts';
import { MapAppWorkspace } from '../ui/map-app-workspace.tsx';
import { EXPLORE_MESSAGES } from './explore-messages.ts';

/**
 * The city map at `/map`: every layer the caller may read with its legend, the features in view as a list
 * (the keyboard's way to the map), and the open feature's details.
 */
export function ExploreApp() {
  const messages = useMessages(EXPLORE_MESSAGES);
  return <MapAppWorkspace families={null} panelLabel={messages.panelLabel} />;
}
