import { createContext, useContext } from 'react';
import type { MapController } from '../map/map-controller.ts';

/** How components reach the one map controller (created by main.tsx, never by a render). */
export const MapControllerContext = createContext<MapController | null>(null);

export function useMapController(): MapController {
  const controller = useContext(MapControllerContext);
  if (!controller) throw new Error('useMapController must be used inside <MapControllerContext.Provider>');
  return controller;
}
