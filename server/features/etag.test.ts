import { describe, expect, it } from 'vitest';
import { LayerRegistry } from '../layers/registry.ts';
import { featureEtag, isIfMatchSatisfied, parseIfMatch } from './etag.ts';

const view = { properties: [], areaIds: null, areas: new LayerRegistry().areas, visibilityClass: 'staff' };
const current = featureEtag(3, view);

describe('parseIfMatch and isIfMatchSatisfied (RFC 9110 §13.1.1)', () => {
  it('is undefined only when the header is absent', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('"stale"')).toEqual({ isAny: false, strongTags: ['"stale"'] });
  });

  it('lets * match any current version', () => {
    expect(isIfMatchSatisfied(parseIfMatch('*')!, current)).toBe(true);
    expect(isIfMatchSatisfied(parseIfMatch(' * ')!, current)).toBe(true);
  });

  it('compares whole strong tags: a made-up class suffix or a weak tag never matches', () => {
    expect(isIfMatchSatisfied(parseIfMatch(current)!, current)).toBe(true);
    expect(isIfMatchSatisfied(parseIfMatch('"v3.AAAAAAAA"')!, current)).toBe(false);
    expect(isIfMatchSatisfied(parseIfMatch(`W/${current}`)!, current)).toBe(false);
    expect(isIfMatchSatisfied(parseIfMatch(`"stale", ${current}`)!, current)).toBe(true);
    expect(isIfMatchSatisfied(parseIfMatch(`W/"x",,${current} ,`)!, current)).toBe(true);
  });

  it('keeps commas inside a quoted tag (they are etagc)', () => {
    expect(parseIfMatch('"a,b", "c"')).toEqual({ isAny: false, strongTags: ['"a,b"', '"c"'] });
  });

  it('reads an empty list as one that nothing matches', () => {
    for (const header of ['', ' ', ', ,']) expect(isIfMatchSatisfied(parseIfMatch(header)!, current)).toBe(false);
  });

  it.each(['v3', '"unclosed', '"a" "b"', '*, "a"', '"a"x', 'W/ "a"', '"a\u0001"'])('refuses %j with a 400', (header) => {
    expect(() => parseIfMatch(header)).toThrow(expect.objectContaining({ status: 400, type: 'invalid-if-match' }));
  });
});
