import { useCallback, useState } from 'react';
import type { Position } from './mobility-api.ts';

/** Why the device's position could not be had. */
export type PositionProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export type DevicePositionState =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'found'; position: Position }
  | { status: 'failed'; problem: PositionProblem };

/** Four decimals of a degree: about ten metres, enough for a journey, no more of the rider than needed. */
const DECIMALS = 4;
const round = (value: number) => Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS;

/**
 * The device's position from the Geolocation API, asked only when the rider presses a button ("locate
 * me", "my position"). It stays in the page: it is kept in no store, no URL and no storage, and leaves the
 * device only as the start of a journey the rider asks for, rounded to about ten metres.
 */
export function useDevicePosition(): { state: DevicePositionState; locate: () => Promise<DevicePositionState> } {
  const [state, setState] = useState<DevicePositionState>({ status: 'idle' });
  const locate = useCallback(
    () =>
      new Promise<DevicePositionState>((resolve) => {
        const settle = (state: DevicePositionState) => {
          setState(state);
          resolve(state);
        };
        if (!('geolocation' in navigator)) {
          settle({ status: 'failed', problem: 'unsupported' });
          return;
        }
        setState({ status: 'locating' });
        navigator.geolocation.getCurrentPosition(
          (found) => settle({ status: 'found', position: [round(found.coords.longitude), round(found.coords.latitude)] }),
          (error) => settle({ status: 'failed', problem: error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable' }),
          { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
        );
      }),
    [],
  );
  return { state, locate };
}

/** Whether a position lies within [west, south, east, north] (the region the journeys and the search serve). */
export function isInsideBounds(position: Position, bounds: readonly number[]): boolean {
  const [west = -180, south = -90, east = 180, north = 90] = bounds;
  return position[0] >= west && position[0] <= east && position[1] >= south && position[1] <= north;
}
