import { buildSampleGtfsFiles, type StopLegs } from './gtfs-feed.ts';
import { type LonLat, roundPosition } from './geometry.ts';
import { readOsmRoads } from './osm-data.ts';
import { buildStreetGraph, nearestStation, routeBetween } from './street-routing.ts';
import { TRANSIT_ROUTES, TRANSIT_STOPS } from './transit.ts';
import type { TransitStopSpec } from './transit-types.ts';

/**
 * The sample network placed on Casablanca's real streets (OpenStreetMap, data/osm): each hand-placed stop
 * moved to the nearest point of a main road, each line drawn from stop to stop along the streets (the
 * cheapest way by road class, or straight where the streets wind too far). Approximate, as before: the
 * real stations are not surveyed.
 */
export async function placeTransitOnStreets(): Promise<{ stops: TransitStopSpec[]; legs: StopLegs }> {
  const graph = buildStreetGraph(await readOsmRoads());
  const taken = new Set<number>();
  const nodeOf = new Map(TRANSIT_STOPS.map((stop) => {
    const node = nearestStation(graph, stop.position, taken);
    taken.add(node);
    return [stop.code, node] as const;
  }));
  const stops = TRANSIT_STOPS.map((stop) => ({ ...stop, position: roundPosition(graph.nodes[nodeOf.get(stop.code)!]!) }));
  const legs = new Map<string, LonLat[]>();
  for (const route of TRANSIT_ROUTES) {
    route.stopCodes.forEach((code, index) => {
      const previous = route.stopCodes[index - 1];
      if (previous === undefined || legs.has(`${previous}>${code}`)) return;
      const path = routeBetween(graph, nodeOf.get(previous)!, nodeOf.get(code)!);
      const [from, to] = [stops.find((stop) => stop.code === previous)!.position, stops.find((stop) => stop.code === code)!.position];
      legs.set(`${previous}>${code}`, path ? [from, ...path.slice(1, -1).map(roundPosition), to] : [from, to]);
    });
  }
  return { stops, legs };
}

/** The sample GTFS feed with its stops and shapes on the streets: what `npm run sample:gtfs` writes. */
export async function buildStreetGtfsFiles(): Promise<Record<string, string>> {
  const { stops, legs } = await placeTransitOnStreets();
  return buildSampleGtfsFiles(TRANSIT_ROUTES, stops, legs);
}
