import { describe, expect, it } from 'vitest';
import { findUnacceptableJson, MAX_JSON_DEPTH } from './request-text.ts';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
};

describe('findUnacceptableJson', () => {
  it('accepts ordinary bodies, GeoJSON included', () => {
    expect(findUnacceptableJson({ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] }, properties: { name_ar: 'شارع' } })).toBeUndefined();
    expect(findUnacceptableJson(nested(MAX_JSON_DEPTH))).toBeUndefined();
  });

  it('finds nesting past the limit without recursion, even 100,000 deep', () => {
    expect(findUnacceptableJson(nested(MAX_JSON_DEPTH + 1))?.code).toBe('too-deep');
    expect(findUnacceptableJson(nested(100_000))?.code).toBe('too-deep');
  });

  it('points at a NUL in a value or a key', () => {
    expect(findUnacceptableJson({ properties: { names: ['a', 'b\u0000'] } })).toEqual({ pointer: '/properties/names/1', code: 'invalid-character' });
    expect(findUnacceptableJson({ 'a/b': { 'x\u0000': 1 } })).toEqual({ pointer: '/a~1b', code: 'invalid-character' });
  });
});
