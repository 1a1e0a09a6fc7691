/** What the server says changed: these places ([west, south, east, north] in degrees) of this layer. */
export interface TilePlacesChange {
  layer: string;
  bboxes: [number, number, number, number][];
}

export interface TileChangeHandlers {
  onChange(change: TilePlacesChange): void;
  /** Anything may have changed (the server may have missed edits): every tile again. */
  onReset(): void;
  /** The stream opened (true) or dropped and is reconnecting (false). */
  onOpenChange?(isOpen: boolean): void;
}

const isBbox = (value: unknown): value is [number, number, number, number] =>
  Array.isArray(value) && value.length === 4 && value.every((number) => typeof number === 'number' && Number.isFinite(number));

/** A `tiles` event's data as a change, or null when it is not one (it is then ignored). */
export function parseTilePlacesChange(data: string): TilePlacesChange | null {
  try {
    const value = JSON.parse(data) as { layer?: unknown; bboxes?: unknown };
    if (typeof value.layer !== 'string' || !Array.isArray(value.bboxes) || !value.bboxes.every(isBbox)) return null;
    return { layer: value.layer, bboxes: value.bboxes };
  } catch {
    return null;
  }
}

/**
 * Listens to GET /api/tile-changes (Server-Sent Events) with the session cookie: the places each committed
 * edit changed, for every layer the caller may read. EventSource reconnects by itself when the stream ends
 * or drops. Returns the function that closes it.
 */
export function openTileChangeStream(handlers: TileChangeHandlers): () => void {
  const source = new EventSource('/api/tile-changes', { withCredentials: true });
  source.addEventListener('open', () => handlers.onOpenChange?.(true));
  source.addEventListener('error', () => handlers.onOpenChange?.(false));
  source.addEventListener('tiles', (event) => {
    const change = parseTilePlacesChange((event as MessageEvent<string>).data);
    if (change) handlers.onChange(change);
  });
  source.addEventListener('reset', () => handlers.onReset());
  return () => {
    source.close();
    handlers.onOpenChange?.(false);
  };
}
