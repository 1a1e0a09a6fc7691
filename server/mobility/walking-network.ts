import { CellGrid, distanceMeters, type LonLat, LocalProjection } from './geo.ts';

/** Where a point meets the street network: on edge `edge`, `offset` metres from its first node. */
export interface StreetSnap {
  edge: number;
  offset: number;
  /** Metres from the point to the street. */
  gap: number;
  point: LonLat;
}

/** Metres walked to each node, and how: the edge and node each was reached from. */
export interface WalkTree {
  distances: Float64Array;
  previousEdge: Int32Array;
  source: StreetSnap;
}

interface Edge {
  from: number;
  to: number;
  metres: number;
  coordinates: LonLat[];
}

/** A point farther than this from every street is not on the network: walks to it go straight. */
export const MAX_SNAP_METRES = 200;
/** previousEdge of the nodes at both ends of the source's edge: reached straight from the source. */
const FROM_SOURCE = -2;
const GRID_METRES = 250;

/**
 * The street network as a walking graph, held in memory: nodes where streets meet (where lines share a
 * vertex; small networks are also noded at every crossing by PostGIS before they come here), edges with
 * their length and course, a grid to find the street nearest
 * a point. Every street is walkable both ways (one-way streets have pavements).
 */
export class WalkingNetwork {
  readonly #edges: Edge[] = [];
  readonly #adjacency: number[][] = [];
  readonly #grid = new CellGrid<[edge: number, segment: number]>(GRID_METRES);
  readonly #projection: LocalProjection;
  /** Connected component of each node: a walk between two components has no street course. */
  readonly #component: Int32Array;

  constructor(lines: readonly LonLat[][]) {
    this.#projection = new LocalProjection(lines[0]?.[0]?.[1] ?? 33.6);
    const nodes = new Map<string, number>();
    const keyOf = (position: LonLat) => `${position[0].toFixed(7)},${position[1].toFixed(7)}`;
    const nodeOf = (position: LonLat) => {
      const key = keyOf(position);
      let node = nodes.get(key);
      if (node === undefined) {
        node = nodes.size;
        nodes.set(key, node);
        this.#adjacency.push([]);
      }
      return node;
    };
    // Streets meet where they share a vertex (OpenStreetMap ways join at shared nodes, often in the middle of
    // one of them): each line is cut there, so that the walk can turn.
    const uses = new Map<string, number>();
    for (const line of lines) for (const key of new Set(line.map(keyOf))) uses.set(key, (uses.get(key) ?? 0) + 1);
    const pieces = lines.flatMap((line) => {
      const cut: LonLat[][] = [];
      let piece: LonLat[] = [];
      line.forEach((position, index) => {
        piece.push(position);
        if (index > 0 && index < line.length - 1 && (uses.get(keyOf(position)) ?? 0) > 1) {
          cut.push(piece);
          piece = [position];
        }
      });
      return [...cut, piece];
    });
    for (const line of pieces) {
      if (line.length < 2) continue;
      let metres = 0;
      for (let index = 1; index < line.length; index += 1) metres += distanceMeters(line[index - 1]!, line[index]!);
      const edge = this.#edges.length;
      this.#edges.push({ from: nodeOf(line[0]!), to: nodeOf(line[line.length - 1]!), metres, coordinates: line });
      this.#adjacency[this.#edges[edge]!.from]!.push(edge);
      this.#adjacency[this.#edges[edge]!.to]!.push(edge);
      for (let segment = 1; segment < line.length; segment += 1) {
        const [a, b] = [line[segment - 1]!, line[segment]!];
        const xs = [this.#projection.x(a[0]), this.#projection.x(b[0])];
        const ys = [this.#projection.y(a[1]), this.#projection.y(b[1])];
        this.#grid.add([edge, segment], Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
      }
    }
    this.#component = this.#labelComponents();
  }

  #labelComponents(): Int32Array {
    const component = new Int32Array(this.#adjacency.length).fill(-1);
    let label = 0;
    for (let start = 0; start < component.length; start += 1) {
      if (component[start] !== -1) continue;
      const stack = [start];
      component[start] = label;
      while (stack.length > 0) {
        const node = stack.pop()!;
        for (const edgeIndex of this.#adjacency[node]!) {
          const edge = this.#edges[edgeIndex]!;
          const other = edge.from === node ? edge.to : edge.from;
          if (component[other] === -1) {
            component[other] = label;
            stack.push(other);
          }
        }
      }
      label += 1;
    }
    return component;
  }

  /** Whether two snapped points are joined by streets at all (however far). */
  isConnected(a: StreetSnap, b: StreetSnap): boolean {
    return this.#component[this.#edges[a.edge]!.from] === this.#component[this.#edges[b.edge]!.from];
  }

  get edgeCount(): number {
    return this.#edges.length;
  }

  /** The nearest point of the street network within `maxGap` metres, or undefined. */
  snap(point: LonLat, maxGap = MAX_SNAP_METRES): StreetSnap | undefined {
    const px = this.#projection.x(point[0]);
    const py = this.#projection.y(point[1]);
    let best: StreetSnap | undefined;
    for (const [edge, segment] of this.#grid.near(px, py, maxGap)) {
      const line = this.#edges[edge]!.coordinates;
      const [a, b] = [line[segment - 1]!, line[segment]!];
      const ax = this.#projection.x(a[0]);
      const ay = this.#projection.y(a[1]);
      const dx = this.#projection.x(b[0]) - ax;
      const dy = this.#projection.y(b[1]) - ay;
      const lengthSquared = dx * dx + dy * dy;
      const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
      const gap = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
      if (gap > maxGap || (best && gap >= best.gap)) continue;
      const onLine: LonLat = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
      let offset = distanceMeters(a, onLine);
      for (let index = 1; index < segment; index += 1) offset += distanceMeters(line[index - 1]!, line[index]!);
      best = { edge, offset, gap, point: onLine };
    }
    return best;
  }

  /** Shortest walks from a snapped point to every node within `maxMetres` (Dijkstra, bounded). */
  walkFrom(source: StreetSnap, maxMetres: number): WalkTree {
    const nodeCount = this.#adjacency.length;
    const distances = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
    const previousEdge = new Int32Array(nodeCount).fill(-1);
    const edge = this.#edges[source.edge]!;
    const heap = new MinHeap();
    const start = (node: number, metres: number) => {
      if (metres < distances[node]! && metres <= maxMetres) {
        distances[node] = metres;
        previousEdge[node] = FROM_SOURCE;
        heap.push(node, metres);
      }
    };
    start(edge.from, source.offset);
    start(edge.to, edge.metres - source.offset);
    while (heap.size > 0) {
      const [node, metres] = heap.pop();
      if (metres > distances[node]!) continue;
      for (const next of this.#adjacency[node]!) {
        const nextEdge = this.#edges[next]!;
        const other = nextEdge.from === node ? nextEdge.to : nextEdge.from;
        const total = metres + nextEdge.metres;
        if (total < distances[other]! && total <= maxMetres) {
          distances[other] = total;
          previousEdge[other] = next;
          heap.push(other, total);
        }
      }
    }
    return { distances, previousEdge, source };
  }

  /** Street metres from the tree's source to a snapped point (gaps not included), or Infinity. */
  metresTo(tree: WalkTree, target: StreetSnap): number {
    const edge = this.#edges[target.edge]!;
    let best = Math.min(tree.distances[edge.from]! + target.offset, tree.distances[edge.to]! + edge.metres - target.offset);
    if (target.edge === tree.source.edge) best = Math.min(best, Math.abs(target.offset - tree.source.offset));
    return best;
  }

  /** The street course from the tree's source to a snapped point, as positions (gaps included). */
  pathTo(tree: WalkTree, target: StreetSnap, from: LonLat, to: LonLat): LonLat[] {
    const edge = this.#edges[target.edge]!;
    const viaFrom = tree.distances[edge.from]! + target.offset;
    const viaTo = tree.distances[edge.to]! + edge.metres - target.offset;
    if (target.edge === tree.source.edge && Math.abs(target.offset - tree.source.offset) <= Math.min(viaFrom, viaTo)) {
      return [from, ...this.#slice(target.edge, tree.source.offset, target.offset), to];
    }
    const endNode = viaFrom <= viaTo ? edge.from : edge.to;
    const tail = this.#slice(target.edge, endNode === edge.from ? 0 : edge.metres, target.offset);
    const middle: LonLat[] = [];
    let node = endNode;
    while (tree.previousEdge[node]! >= 0) {
      const step = this.#edges[tree.previousEdge[node]!]!;
      const line = step.to === node ? step.coordinates : [...step.coordinates].reverse();
      middle.unshift(...line.slice(1));
      node = step.to === node ? step.from : step.to;
    }
    const sourceEdge = this.#edges[tree.source.edge]!;
    const head = this.#slice(tree.source.edge, tree.source.offset, node === sourceEdge.from ? 0 : sourceEdge.metres);
    return [from, ...head, ...middle, ...tail, to];
  }

  /** The part of an edge's course between two offsets (metres from its first node), in that direction. */
  #slice(edgeIndex: number, fromOffset: number, toOffset: number): LonLat[] {
    const line = this.#edges[edgeIndex]!.coordinates;
    const at: number[] = [0];
    for (let index = 1; index < line.length; index += 1) at.push(at[index - 1]! + distanceMeters(line[index - 1]!, line[index]!));
    const pointAt = (offset: number): LonLat => {
      const index = Math.max(1, at.findIndex((value) => value >= offset));
      const span = at[index]! - at[index - 1]!;
      const t = span === 0 ? 0 : (offset - at[index - 1]!) / span;
      const [a, b] = [line[index - 1]!, line[index] ?? line[index - 1]!];
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    };
    const [low, high] = fromOffset <= toOffset ? [fromOffset, toOffset] : [toOffset, fromOffset];
    const inner = line.filter((_, index) => at[index]! > low && at[index]! < high);
    const forward = [pointAt(low), ...inner, pointAt(high)];
    return fromOffset <= toOffset ? forward : forward.reverse();
  }
}

/** A binary min-heap of (node, key). */
class MinHeap {
  readonly #nodes: number[] = [];
  readonly #keys: number[] = [];

  get size(): number {
    return this.#nodes.length;
  }

  push(node: number, key: number): void {
    let index = this.#nodes.length;
    this.#nodes.push(node);
    this.#keys.push(key);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.#keys[parent]! <= key) break;
      this.#swap(index, parent);
      index = parent;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.#nodes[0]!, this.#keys[0]!];
    const lastNode = this.#nodes.pop()!;
    const lastKey = this.#keys.pop()!;
    if (this.#nodes.length > 0) {
      this.#nodes[0] = lastNode;
      this.#keys[0] = lastKey;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < this.#keys.length && this.#keys[left]! < this.#keys[smallest]!) smallest = left;
        if (right < this.#keys.length && this.#keys[right]! < this.#keys[smallest]!) smallest = right;
        if (smallest === index) break;
        this.#swap(index, smallest);
        index = smallest;
      }
    }
    return top;
  }

  #swap(a: number, b: number): void {
    [this.#nodes[a], this.#nodes[b]] = [this.#nodes[b]!, this.#nodes[a]!];
    [this.#keys[a], this.#keys[b]] = [this.#keys[b]!, this.#keys[a]!];
  }
}
