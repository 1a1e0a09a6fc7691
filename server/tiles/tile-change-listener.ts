import { z } from 'zod';
import { NotificationListener, type NotificationListenerOptions } from '../db/notification-listener.ts';
import { type TileChange, TILE_CHANGES_CHANNEL } from './tile-invalidation.ts';

export type TileChangeListenerOptions = Omit<NotificationListenerOptions, 'channel' | 'applicationName' | 'onNotification'> & {
  onChange: (change: TileChange) => void;
};

const bboxSchema = z.tuple([z.number().finite(), z.number().finite(), z.number().finite(), z.number().finite()]);
const changeSchema = z.object({ layer: z.string().min(1).max(100), bboxes: z.array(bboxSchema).max(10_000) });

/** A NOTIFY payload as a TileChange, or undefined when it is not one (it is then ignored). */
export function parseTileChange(payload: string | undefined): TileChange | undefined {
  if (!payload) return undefined;
  try {
    const parsed = changeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The tile-changes channel's listener: every server process keeps one, and its tile cache depends on it. */
export class TileChangeListener extends NotificationListener {
  constructor(options: TileChangeListenerOptions) {
    const { onChange, ...rest } = options;
    super({
      ...rest,
      channel: TILE_CHANGES_CHANNEL,
      applicationName: 'casa-sig-tile-listener',
      onNotification: (payload) => {
        const change = parseTileChange(payload);
        if (change) onChange(change);
      },
    });
  }
}
