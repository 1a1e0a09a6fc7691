import { describe, expect, it } from 'vitest';
import { LayerRegistry } from '../layers/registry.ts';
import { tileRequestRecogniser } from './tile-front-door.ts';

const recognise = tileRequestRecogniser(new LayerRegistry());
const GZIP = { 'accept-encoding': 'gzip, deflate, br' };
const request = (url: string, headers: Record<string, string> = GZIP, method = 'GET') => ({ method, url, headers });

describe('tileRequestRecogniser: what the front door serves itself', () => {
  it('takes a public GET or HEAD of a public layer inside its zooms, query string ignored', () => {
    expect(recognise(request('/tiles/road_segments/14/7845/6567.mvt'))).toMatchObject({
      layer: { id: 'road_segments' }, tile: { z: 14, x: 7845, y: 6567 },
    });
    expect(recognise(request('/tiles/road_segments/14/7845/6567.mvt', GZIP, 'HEAD'))).toBeDefined();
    expect(recognise(request('/tiles/transit_stops/16/31380/26268.mvt?view=3'))).toBeDefined();
    expect(recognise(request('/tiles/road_segments/14/7845/6567.mvt', { 'accept-encoding': 'gzip;q=0.5', cookie: 'theme=dark' }))).toBeDefined();
  });

  it('leaves to Express anything that carries credentials', () => {
    expect(recognise(request('/tiles/road_segments/14/7845/6567.mvt', { ...GZIP, authorization: 'Bearer csk_x_y' }))).toBeUndefined();
    expect(recognise(request('/tiles/road_segments/14/7845/6567.mvt', { ...GZIP, cookie: 'theme=dark; casa_sig_session=abc' }))).toBeUndefined();
  });

  it('leaves to Express a client that does not plainly accept gzip', () => {
    for (const encoding of [undefined, 'identity', 'br', 'gzip;q=0', 'gzip; q=0.000', 'x-gzip']) {
      const headers: Record<string, string> = encoding === undefined ? {} : { 'accept-encoding': encoding };
      expect(recognise(request('/tiles/road_segments/14/7845/6567.mvt', headers)), String(encoding)).toBeUndefined();
    }
  });

  it('leaves to Express the requests that get an error or another route', () => {
    for (const url of [
      '/tiles/inspections/16/31380/26268.mvt', // staff only: 401 from Express
      '/tiles/nowhere/14/7845/6567.mvt', // unknown layer: 404
      '/tiles/road_segments/9/245/205.mvt', // below the layer's zooms: 404
      '/tiles/road_segments/14/99999/6567.mvt', // x beyond 2^z: 400
      '/tiles/road_segments/014/7845/6567.mvt', // leading zero: 400
      '/tiles/road%5Fsegments/14/7845/6567.mvt', // encoded: Express decodes
      '/tiles/road_segments/14/7845/6567.pbf',
      '/tiles/road_segments.json',
    ]) {
      expect(recognise(request(url)), url).toBeUndefined();
    }
    expect(recognise(request('/tiles/road_segments/14/7845/6567.mvt', GZIP, 'POST'))).toBeUndefined();
  });
});
