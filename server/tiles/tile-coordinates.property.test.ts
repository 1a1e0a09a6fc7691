import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../http/errors.ts';
import { MAX_ZOOM, parseTileCoordinates, tileForLonLat, tileRangeForBbox, tilesInRange } from './tile-coordinates.ts';

const zoom = fc.integer({ min: 0, max: MAX_ZOOM });
/** A tile: a zoom and a column and row that exist at it. */
const tile = zoom.chain((z) => fc.record({ z: fc.constant(z), x: fc.integer({ min: 0, max: 2 ** z - 1 }), y: fc.integer({ min: 0, max: 2 ** z - 1 }) }));
const longitude = fc.double({ min: -180, max: 180, noNaN: true });
const latitude = fc.double({ min: -85, max: 85, noNaN: true });

describe('tile coordinates (properties)', () => {
  it('parses any text into a tile that exists, or refuses it with a 400, never anything else', () => {
    const text = fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String), fc.constantFrom('', '0', '00', '-0', '1e3', '0x1', ' 1', '１'));
    fc.assert(fc.property(text, text, text, (z, x, y) => {
      try {
        const parsed = parseTileCoordinates(z, x, y);
        expect(parsed.z).toBeLessThanOrEqual(MAX_ZOOM);
        expect(parsed.x).toBeLessThan(2 ** parsed.z);
        expect(parsed.y).toBeLessThan(2 ** parsed.z);
        expect([String(parsed.z), String(parsed.x), String(parsed.y)]).toEqual([z, x, y]);
      } catch (error) {
        expect(error).toBeInstanceOf(BadRequestError);
        expect((error as BadRequestError).status).toBe(400);
      }
    }), { numRuns: 5_000 });
  });

  it('reads back every tile that exists', () => {
    fc.assert(fc.property(tile, ({ z, x, y }) => {
      expect(parseTileCoordinates(String(z), String(x), String(y))).toEqual({ z, x, y });
    }), { numRuns: 2_000 });
  });

  it('refuses every column or row past the edge of its zoom', () => {
    fc.assert(fc.property(zoom, fc.integer({ min: 0, max: 2 ** 20 }), (z, beyond) => {
      expect(() => parseTileCoordinates(String(z), String(2 ** z + beyond), '0')).toThrow(BadRequestError);
    }), { numRuns: 1_000 });
  });

  it('puts a point in the tile range of any box around it, and the range holds exactly its tiles', () => {
    const box = fc.tuple(longitude, latitude, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(fc.property(box, fc.integer({ min: 0, max: 18 }), fc.double({ min: 0, max: 0.5, noNaN: true }), ([lon, lat, width, height], z, margin) => {
      const bbox = [lon, lat, Math.min(lon + width, 180), Math.min(lat + height, 85)] as const;
      const range = tileRangeForBbox(bbox, z, margin);
      for (const corner of [[bbox[0], bbox[1]], [bbox[2], bbox[3]], [bbox[0], bbox[3]]] as const) {
        const { x, y } = tileForLonLat(corner[0], corner[1], z);
        expect(x).toBeGreaterThanOrEqual(range.minX);
        expect(x).toBeLessThanOrEqual(range.maxX);
        expect(y).toBeGreaterThanOrEqual(range.minY);
        expect(y).toBeLessThanOrEqual(range.maxY);
      }
      if ((range.maxX - range.minX + 1) * (range.maxY - range.minY + 1) <= 10_000) {
        expect(tilesInRange(range)).toHaveLength((range.maxX - range.minX + 1) * (range.maxY - range.minY + 1));
      }
    }), { numRuns: 2_000 });
  });
});
