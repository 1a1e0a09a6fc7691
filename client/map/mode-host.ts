import type { ModeId } from '../state/app-state.ts';
import type { FeatureHit, LngLat, ScreenPoint } from './feature-hit.ts';

export type { ModeId };

/**
 * The map's modes: one at a time decides what a click, the pointer and the keyboard do on the map (iD's
 * modes, Placemark's handlers). Browsing shows and opens features; drawing, reshaping, splitting, measuring
 * and picking a place each own the map while they last. Apps bring their own modes (the editor its drawing
 * modes); the host guarantees that leaving a mode removes every handler it installed.
 */
/** A pointer event as modes receive it. */
export interface MapPointerEvent {
  point: ScreenPoint;
  lngLat: LngLat;
  /** The catalog features under the pointer, topmost first (asked only when a mode needs them). */
  featuresHere(): readonly FeatureHit[];
}

export interface ModeEventMap {
  click: MapPointerEvent;
  hover: MapPointerEvent;
  /** Keys pressed while the map has the focus. */
  keydown: KeyboardEvent;
}

export type ModeEventType = keyof ModeEventMap;

/** What a mode may do while it is active. Handlers registered with `on` are removed when it is left. */
export interface ModeContext {
  on<Type extends ModeEventType>(type: Type, handler: (event: ModeEventMap[Type]) => void): void;
  /** The map's cursor while this mode is active ('' for the default). */
  setCursor(cursor: string): void;
  /** Leaves this mode for the default one. */
  exit(): void;
}

export interface MapMode {
  readonly id: ModeId;
  enter(context: ModeContext): void;
  /** Anything the mode set up outside the context (an overlay, a timer) is undone here. */
  exit?(): void;
}

/** Where the events come from: the map controller adapts MapLibre; unit tests use a plain emitter. */
export interface ModeEventSource {
  on<Type extends ModeEventType>(type: Type, handler: (event: ModeEventMap[Type]) => void): () => void;
  setCursor(cursor: string): void;
}

export class ModeHost {
  readonly #source: ModeEventSource;
  readonly #defaultMode: MapMode;
  readonly #onChange: (id: ModeId) => void;
  #current: MapMode;
  #removeHandlers: (() => void)[] = [];

  constructor(source: ModeEventSource, defaultMode: MapMode, onChange: (id: ModeId) => void = () => {}) {
    this.#source = source;
    this.#defaultMode = defaultMode;
    this.#onChange = onChange;
    this.#current = defaultMode;
    this.#start(defaultMode);
  }

  get currentId(): ModeId {
    return this.#current.id;
  }

  /** Leaves the current mode (its handlers removed, its exit run) and enters this one. */
  enterMode(mode: MapMode): void {
    if (mode === this.#current) return;
    this.#stop();
    this.#current = mode;
    this.#start(mode);
    this.#onChange(mode.id);
  }

  /** Back to the default mode (browsing). */
  exitMode(): void {
    this.enterMode(this.#defaultMode);
  }

  /** Leaves the current mode for good (the map is going away). */
  destroy(): void {
    this.#stop();
  }

  #start(mode: MapMode): void {
    let isActive = true;
    const context: ModeContext = {
      on: (type, handler) => {
        if (!isActive) return;
        this.#removeHandlers.push(this.#source.on(type, handler));
      },
      setCursor: (cursor) => {
        if (isActive) this.#source.setCursor(cursor);
      },
      exit: () => {
        if (isActive && this.#current === mode) this.exitMode();
      },
    };
    this.#removeHandlers.push(() => {
      isActive = false;
    });
    mode.enter(context);
  }

  #stop(): void {
    for (const remove of this.#removeHandlers.splice(0)) remove();
    this.#source.setCursor('');
    this.#current.exit?.();
  }
}
