import { describe, expect, it } from 'vitest';
import { parseTileChange } from './tile-change-listener.ts';

describe('parseTileChange', () => {
  it('reads what notifyTileChange sends', () => {
    const change = { layer: 'road_segments', bboxes: [[-7.62, 33.59, -7.61, 33.6]] };
    expect(parseTileChange(JSON.stringify(change))).toEqual(change);
  });

  it.each([undefined, '', 'not json', '{"layer":"x"}', '{"layer":"x","bboxes":[[1,2,3]]}', '{"layer":"","bboxes":[]}', '[1]', 'null'])(
    'ignores %j',
    (payload) => {
      expect(parseTileChange(payload)).toBeUndefined();
    },
  );
});
