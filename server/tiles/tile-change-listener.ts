import { z } from 'zod';
import { NotificationListener, type NotificationListenerOptions } from '../db/notification-listener.ts';
import { parseWalPosition, type WalPosition } from '../db/wal-position.ts';
import { type TileChange, TILE_CHANGES_CHANNEL } from './tile-invalidation.ts';

export type TileChangeListenerOptions = Omit<NotificationListenerOptions, 'channel' | 'applicationName' | 'onNotification'> & {
  onChange: (change: TileChange) => void;
  /** A writer's announcement of the WAL position after its commit `commit`. */
  onPosition?: (commit: string, position: WalPosition) => void;
};

const bboxSchema = z.tuple([z.number().finite(), z.number().finite(), z.number().finite(), z.number().finite()]);
const commitSchema = z.string().min(1).max(64);
const changeSchema = z.object({ layer: z.string().min(1).max(100), bboxes: z.array(bboxSchema).max(10_000), commit: commitSchema.optional() });
const positionSchema = z.object({ commit: commitSchema, position: z.string().regex(/^[0-9A-Fa-f]{1,8}\/[0-9A-Fa-f]{1,8}$/) });

/** What a notification on the tile-changes channel says, or undefined when it is not one of ours (ignored). */
export type TileNotice = { kind: 'change'; change: TileChange } | { kind: 'position'; commit: string; position: WalPosition };

export function parseTileNotice(payload: string | undefined): TileNotice | undefined {
  if (!payload) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const change = changeSchema.safeParse(value);
  if (change.success) return { kind: 'change', change: change.data };
  const position = positionSchema.safeParse(value);
  return position.success ? { kind: 'position', commit: position.data.commit, position: parseWalPosition(position.data.position) } : undefined;
}

/** The tile-changes channel's listener: every server process keeps one, and its tile cache depends on it. */
export class TileChangeListener extends NotificationListener {
  constructor(options: TileChangeListenerOptions) {
    const { onChange, onPosition, ...rest } = options;
    super({
      ...rest,
      channel: TILE_CHANGES_CHANNEL,
      applicationName: 'casa-sig-tile-listener',
      onNotification: (payload) => {
        const notice = parseTileNotice(payload);
        if (notice?.kind === 'change') onChange(notice.change);
        else if (notice?.kind === 'position') onPosition?.(notice.commit, notice.position);
      },
    });
  }
}
