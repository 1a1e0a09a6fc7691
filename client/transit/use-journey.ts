import { useCallback, useEffect, useMemo, useState } from 'react';
import { useMapController } from '../map/map-context.tsx';
import { fetchJourneys, type BilingualName, type JourneyPlan, type JourneyTime, type Position } from './mobility-api.ts';
import { boundsOf } from './bounds-of.ts';
import { buildJourneyOverlay, JOURNEY_OVERLAY_ID } from './transit-overlays.ts';
import { type RequestState, useRequest } from './use-request.ts';

/** Where a journey starts or ends: a place found by name, a point picked on the map, or the device's position. */
export interface Endpoint {
  position: Position;
  name: BilingualName | null;
  source: 'place' | 'map' | 'device';
}

export type EndpointRole = 'from' | 'to';

/** Room around a journey fitted to the map, for its end markers and the map's buttons. */
const MARKER_PADDING_PX = 56;

export interface Journey {
  from: Endpoint | null;
  to: Endpoint | null;
  time: JourneyTime;
  plan: RequestState<JourneyPlan>;
  selected: number;
  setEndpoint: (role: EndpointRole, endpoint: Endpoint | null) => void;
  swap: () => void;
  setTime: (time: JourneyTime) => void;
  select: (index: number) => void;
  retry: () => void;
}

/**
 * A journey being planned: its two places and its time; the itineraries are asked for as soon as both
 * places are known (and again when either or the time changes). While `isShown`, the places and the chosen
 * itinerary are drawn on the map (an overlay) and the map fits them.
 */
export function useJourney(isShown: boolean): Journey {
  const controller = useMapController();
  const [from, setFrom] = useState<Endpoint | null>(null);
  const [to, setTo] = useState<Endpoint | null>(null);
  const [time, setTime] = useState<JourneyTime>({ kind: 'now' });
  const [selected, setSelected] = useState(0);
  const key = from && to ? JSON.stringify([from.position, to.position, time]) : null;
  const { state: plan, retry } = useRequest(key, (signal) => fetchJourneys(from!.position, to!.position, time, signal));
  const itinerary = plan.status === 'loaded' ? (plan.value.itineraries[selected] ?? null) : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search (`key`) starts on its first itinerary.
  useEffect(() => setSelected(0), [key]);

  useEffect(() => {
    if (!isShown || (!from && !to)) return undefined;
    controller.overlays.set(buildJourneyOverlay({ from: from?.position ?? null, to: to?.position ?? null, itinerary }));
    return () => controller.overlays.remove(JOURNEY_OVERLAY_ID);
  }, [controller, isShown, from, to, itinerary]);

  // The chosen itinerary fills the view; places alone are only brought into it.
  useEffect(() => {
    if (!isShown) return;
    const places = [from?.position, to?.position].filter((place): place is Position => place !== undefined);
    const bounds = boundsOf([...places, ...(itinerary?.legs.flatMap((leg) => leg.geometry.coordinates as Position[]) ?? [])]);
    if (bounds && itinerary) controller.fitBounds(bounds, { padding: MARKER_PADDING_PX });
    else if (bounds) controller.reveal(bounds);
  }, [controller, isShown, itinerary, from, to]);

  const setEndpoint = useCallback((role: EndpointRole, endpoint: Endpoint | null) => (role === 'from' ? setFrom : setTo)(endpoint), []);
  const swap = useCallback(() => {
    setFrom(to);
    setTo(from);
  }, [from, to]);
  return useMemo(
    () => ({ from, to, time, plan, selected, setEndpoint, swap, setTime, select: setSelected, retry }),
    [from, to, time, plan, selected, setEndpoint, swap, retry],
  );
}
