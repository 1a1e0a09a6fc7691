import { distanceMeters, type LonLat } from './geometry.ts';
import type { OsmRoad } from './osm-data.ts';

/**
 * The OpenStreetMap streets as a graph, for drawing the sample's transit lines along real streets: nodes
 * are the roads' vertices (shared where roads meet), edges the steps between them, each costing its length
 * times a factor of its road class (a tram keeps to the boulevards rather than cutting through lanes).
 */
export interface StreetGraph {
  nodes: LonLat[];
  edges: { to: number; metres: number; cost: number }[][];
  /** Nodes on main roads, where stops preferably stand. */
  stations: Set<number>;
}

/** How much more a step costs on each road class than on a main road; absent classes are not used. */
const CLASS_COST: Readonly<Record<string, number>> = {
  trunk: 1, primary: 1, secondary: 1, tertiary: 1.2, trunk_link: 1.5, primary_link: 1.5, secondary_link: 1.5, tertiary_link: 1.5,
  unclassified: 2, residential: 2.5, living_street: 4, service: 4, motorway: 6, motorway_link: 6,
};
/** Where a stop may stand: beside a main road. */
const STATION_CLASSES = new Set(['trunk', 'primary', 'secondary', 'tertiary']);

export function buildStreetGraph(roads: readonly OsmRoad[]): StreetGraph {
  const index = new Map<string, number>();
  const nodes: LonLat[] = [];
  const edges: StreetGraph['edges'] = [];
  const stations = new Set<number>();
  const nodeOf = (position: LonLat) => {
    const key = `${position[0]},${position[1]}`;
    let node = index.get(key);
    if (node === undefined) {
      node = nodes.length;
      index.set(key, node);
      nodes.push(position);
      edges.push([]);
    }
    return node;
  };
  for (const road of roads) {
    const factor = CLASS_COST[road.fclass];
    if (factor === undefined) continue;
    for (let step = 1; step < road.line.length; step += 1) {
      const [from, to] = [nodeOf(road.line[step - 1]!), nodeOf(road.line[step]!)];
      const metres = distanceMeters(nodes[from]!, nodes[to]!);
      edges[from]!.push({ to, metres, cost: metres * factor });
      edges[to]!.push({ to: from, metres, cost: metres * factor });
      if (STATION_CLASSES.has(road.fclass)) stations.add(from).add(to);
    }
  }
  return { nodes, edges, stations };
}

const METRES_PER_DEGREE = 111_195;

/** How much farther a stop may go to stand on a main road rather than on a lesser street. */
const MAIN_ROAD_PREFERENCE_M = 150;

/**
 * The node a stop moves to (onto the street beside which it stands): the nearest, a main road's when one is
 * within MAIN_ROAD_PREFERENCE_M more, never a node another stop took.
 */
export function nearestStation(graph: StreetGraph, position: LonLat, taken: ReadonlySet<number> = new Set()): number {
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  // A local flat projection is exact enough to compare distances within a city, and far cheaper than haversine.
  const east = METRES_PER_DEGREE * Math.cos((position[1] * Math.PI) / 180);
  graph.nodes.forEach((node, index) => {
    if (graph.edges[index]!.length === 0 || taken.has(index)) return;
    const metres = Math.hypot((node[0] - position[0]) * east, (node[1] - position[1]) * METRES_PER_DEGREE);
    const score = metres + (graph.stations.has(index) ? 0 : MAIN_ROAD_PREFERENCE_M);
    if (score < bestScore) {
      best = index;
      bestScore = score;
    }
  });
  if (best < 0) throw new Error('the street graph has no street');
  return best;
}

/** A binary heap of [cost, node] pairs, cheapest first. */
class Heap {
  readonly #items: [number, number][] = [];
  get size(): number {
    return this.#items.length;
  }
  push(item: [number, number]): void {
    const items = this.#items;
    items.push(item);
    for (let child = items.length - 1; child > 0; ) {
      const parent = (child - 1) >> 1;
      if (items[parent]![0] <= items[child]![0]) break;
      [items[parent], items[child]] = [items[child]!, items[parent]!];
      child = parent;
    }
  }
  pop(): [number, number] {
    const items = this.#items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      for (let parent = 0; ; ) {
        const [left, right] = [2 * parent + 1, 2 * parent + 2];
        let smallest = parent;
        if (left < items.length && items[left]![0] < items[smallest]![0]) smallest = left;
        if (right < items.length && items[right]![0] < items[smallest]![0]) smallest = right;
        if (smallest === parent) break;
        [items[parent], items[smallest]] = [items[smallest]!, items[parent]!];
        parent = smallest;
      }
    }
    return top;
  }
}

/**
 * The cheapest path between two nodes (Dijkstra), as positions, or undefined when none exists or it winds
 * far more than a line would (more than twice the distance plus 500 m): the caller then draws it straight.
 */
export function routeBetween(graph: StreetGraph, from: number, to: number): LonLat[] | undefined {
  if (from === to) return [graph.nodes[from]!];
  const cost = new Map<number, number>([[from, 0]]);
  const previous = new Map<number, number>();
  const heap = new Heap();
  heap.push([0, from]);
  const straight = distanceMeters(graph.nodes[from]!, graph.nodes[to]!);
  const limit = (2 * straight + 500) * 4;
  while (heap.size > 0) {
    const [spent, node] = heap.pop();
    if (node === to) break;
    if (spent > (cost.get(node) ?? Number.POSITIVE_INFINITY) || spent > limit) continue;
    for (const edge of graph.edges[node]!) {
      const next = spent + edge.cost;
      if (next < (cost.get(edge.to) ?? Number.POSITIVE_INFINITY)) {
        cost.set(edge.to, next);
        previous.set(edge.to, node);
        heap.push([next, edge.to]);
      }
    }
  }
  if (!previous.has(to)) return undefined;
  const path: LonLat[] = [];
  for (let node: number | undefined = to; node !== undefined; node = previous.get(node)) path.push(graph.nodes[node]!);
  path.reverse();
  let metres = 0;
  for (let index = 1; index < path.length; index += 1) metres += distanceMeters(path[index - 1]!, path[index]!);
  return metres > 2 * straight + 500 ? undefined : path;
}
