import { describe, expect, it } from 'vitest';
import { parseTileNotice } from './tile-change-listener.ts';

describe('parseTileNotice', () => {
  it('reads what notifyTileChange sends, with or without a commit id', () => {
    const change = { layer: 'road_segments', bboxes: [[-7.62, 33.59, -7.61, 33.6]] };
    expect(parseTileNotice(JSON.stringify(change))).toEqual({ kind: 'change', change });
    const withCommit = { ...change, commit: 'b1c0ffee' };
    expect(parseTileNotice(JSON.stringify(withCommit))).toEqual({ kind: 'change', change: withCommit });
  });

  it('reads what announceCommitPosition sends', () => {
    expect(parseTileNotice('{"commit":"b1c0ffee","position":"1/2A"}')).toEqual({ kind: 'position', commit: 'b1c0ffee', position: (1n << 32n) + 42n });
  });

  it.each([
    undefined, '', 'not json', '{"layer":"x"}', '{"layer":"x","bboxes":[[1,2,3]]}', '{"layer":"","bboxes":[]}', '[1]', 'null',
    '{"commit":"x","position":"nowhere"}', '{"commit":"","position":"0/1"}'
  ])('ignores %j', (payload) => {
    expect(parseTileNotice(payload)).toBeUndefined();
  });
});
