import { useEffect, useState } from 'react';
import { useMapController } from '../map/map-context.tsx';

/** Whether the map has drawn its first view: requests that can wait are sent after it, not before. */
export function useMapDrawn(): boolean {
  const controller = useMapController();
  const [isDrawn, setDrawn] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    void controller.whenFirstDrawn().then(() => isCurrent && setDrawn(true));
    return () => {
      isCurrent = false;
    };
  }, [controller]);
  return isDrawn;
}
