import { describe, expect, it } from 'vitest';
import { parseTilePlacesChange } from './tile-change-stream.ts';

describe('parseTilePlacesChange', () => {
  it('reads a layer and its changed boxes', () => {
    expect(parseTilePlacesChange('{"layer":"road_segments","bboxes":[[-7.6,33.5,-7.59,33.51]]}')).toEqual({ layer: 'road_segments', bboxes: [[-7.6, 33.5, -7.59, 33.51]] });
  });

  it('ignores what is not a change', () => {
    for (const data of ['', 'nope', '{}', '{"layer":1,"bboxes":[]}', '{"layer":"a","bboxes":[[1,2,3]]}', '{"layer":"a","bboxes":[[1,2,3,"4"]]}']) {
      expect(parseTilePlacesChange(data)).toBeNull();
    }
  });
});
