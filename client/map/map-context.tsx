import { createContext, useContext } from 'react';
import type { MapController } from './map-controller.ts';

/** The page's one map controller, for the components that show the map or talk to it by intent. */
export const MapControllerContext = createContext<MapController | null>(null);

export function useMapController(): MapController {
  const controller = useContext(MapControllerContext);
  if (!controller) throw new Error('useMapController must be used inside <MapControllerContext.Provider>');
  return controller;
}
