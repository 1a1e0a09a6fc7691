/**
 * Which tiles an edit changed, so that the map asks for those tiles under a new URL. MapLibre keeps what it
 * has drawn by URL: the slices of an overzoomed tile (beyond the source's maxzoom) are cached per URL for
 * the life of the map, and the browser keeps public tiles for their max-age; asking again under the same
 * URL would draw the old geometry. A changed tile gets `rev=<n>` on its URL; every other tile keeps its URL
 * (and its caches). Pure: the map controller asks it for each tile request.
 */

/** [west, south, east, north] in degrees (EPSG:4326). */
export type Bbox = readonly [number, number, number, number];

/**
 * Around each tile, the share of its width also searched for changes: tiles carry geometry a little past
 * their edge (the server's buffer is 64/4096 of a tile), and a line's label can come from its neighbour.
 */
const TILE_MARGIN = 1 / 8;
/** Beyond this many remembered places, a layer is asked for anew as a whole (one revision for all its tiles). */
const MAX_REMEMBERED = 2000;

const TILE_PATH = /\/tiles\/([a-z][a-z0-9_]*)\/(\d+)\/(\d+)\/(\d+)\.mvt$/;

interface ChangedPlace {
  layerId: string;
  bbox: Bbox;
  revision: number;
}

function tileLongitude(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

function tileLatitude(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

/** The bounds of tile z/x/y, widened by `margin` of its width on every side, in degrees. */
export function tileBounds(z: number, x: number, y: number, margin = 0): Bbox {
  return [tileLongitude(x - margin, z), tileLatitude(y + 1 + margin, z), tileLongitude(x + 1 + margin, z), tileLatitude(y - margin, z)];
}

function intersects(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export class TileRevisions {
  #places: ChangedPlace[] = [];
  /** Revisions given to whole layers ('' for every layer: the server may have missed edits). */
  readonly #whole = new Map<string, number>();
  #revision = 0;

  /** These places of the layer changed: their tiles get a new revision. */
  noteChange(layerId: string, bboxes: readonly Bbox[]): void {
    this.#revision += 1;
    for (const bbox of bboxes) this.#places.push({ layerId, bbox, revision: this.#revision });
    if (this.#places.length > MAX_REMEMBERED) {
      // Forget the places, keep the promise: every tile of each layer they named gets a newer revision.
      for (const place of this.#places) this.#whole.set(place.layerId, this.#revision);
      this.#places = [];
    }
  }

  /** Anything may have changed: every tile of every layer gets a new revision. */
  noteEverything(): void {
    this.#revision += 1;
    this.#whole.set('', this.#revision);
  }

  /** The revision of a tile: 0 while nothing it shows has changed since the map opened. */
  revisionOf(layerId: string, z: number, x: number, y: number): number {
    let revision = Math.max(this.#whole.get('') ?? 0, this.#whole.get(layerId) ?? 0);
    const bounds = tileBounds(z, x, y, TILE_MARGIN);
    for (const place of this.#places) {
      if (place.revision > revision && place.layerId === layerId && intersects(place.bbox, bounds)) revision = place.revision;
    }
    return revision;
  }

  /** A tile URL with its revision (`rev=<n>`); URLs of other resources, and unchanged tiles, as they are. */
  versionedUrl(url: string): string {
    const [path = '', query] = url.split('?', 2);
    const match = TILE_PATH.exec(path);
    if (!match) return url;
    const revision = this.revisionOf(match[1]!, Number(match[2]), Number(match[3]), Number(match[4]));
    if (revision === 0) return url;
    const parameters = new URLSearchParams(query);
    parameters.set('rev', String(revision));
    return `${path}?${parameters}`;
  }
}
