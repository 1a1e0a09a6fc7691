import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerView } from '../auth/policy.ts';
import type { UserPrincipal } from '../auth/principal.ts';
import { BadRequestError } from '../http/errors.ts';
import { LayerRegistry } from '../layers/registry.ts';
import { buildItemsQuery } from './feature-sql.ts';
import { parseItemsRequest } from './items-query.ts';

const registry = new LayerRegistry();
const admin: UserPrincipal = { kind: 'user', role: 'admin', userId: 1, username: 'a', sessionId: 1, areaIds: [] };
const LIMITS = { defaultLimit: 100, maxLimit: 1_000 };

/** Text a caller may put in a query parameter: plain, code-like, Unicode edge cases, and near-valid values. */
const parameterText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom("'; DROP TABLE permits; --", '1 OR 1=1', '\u0000', '\u200f', 'e\u0301', '..', '../..', '/', ',', ',,', 'NaN', 'Infinity', '-0', '1e999'),
  fc.constantFrom('2026-01-01', '2026-02-30', '0000-01-01', '2026-01-01/..', '../2026-12-31', '2026-12-31/2026-01-01', '2026-01-01T00:00:00Z'),
  fc.constantFrom('submitted', 'approved,rejected', 'approved,,rejected', 'true', 'false', '-7.7,33.5,-7.5,33.7', '170,-10,-170,10', '1', '0', '1000000000'),
);

describe('items query parameters (properties)', () => {
  for (const layer of registry.layers) {
    const view = layerView(admin, layer, registry);
    const filterable = view.properties.filter(([, property]) => property.filterable);
    const names = [...filterable.map(([name]) => name), 'limit', 'bbox', 'datetime', 'cursor', 'asOf', 'f', 'bbox-crs', 'unknown_name'];

    it(`${layer.id}: any parameters parse into a filter whose values are bound, or are refused with a 400`, () => {
      const query = fc.dictionary(fc.constantFrom(...names), fc.oneof(parameterText, fc.array(parameterText, { maxLength: 2 })), { maxKeys: 4 });
      fc.assert(fc.property(query, (parameters) => {
        let parsed: ReturnType<typeof parseItemsRequest>;
        try {
          parsed = parseItemsRequest(filterable, parameters, LIMITS);
        } catch (error) {
          expect(error).toBeInstanceOf(BadRequestError);
          expect((error as BadRequestError).status).toBe(400);
          return;
        }
        const { filter } = parsed;
        expect(filter.limit).toBeGreaterThanOrEqual(1);
        expect(filter.limit).toBeLessThanOrEqual(LIMITS.maxLimit);
        for (const { property, value } of filter.equals) {
          if (property.type === 'enum') expect(Object.keys(property.values ?? {})).toContain(value);
          if (property.type === 'integer' || property.type === 'number') expect(Number.isFinite(value)).toBe(true);
        }
        for (const { property, values } of filter.anyOf ?? []) for (const value of values) expect(Object.keys(property.values ?? {})).toContain(value);
        // Whatever was accepted is a value of the statement, never part of its text.
        const built = buildItemsQuery(layer, view, filter);
        for (const text of Object.values(parameters).flat()) {
          if (text.length >= 3 && !/^[\w.:-]+$/.test(text)) expect(built.text).not.toContain(text);
        }
      }), { numRuns: 1_500 });
    });
  }
});
