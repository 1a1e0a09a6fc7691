import type { BenchServer } from './bench-processes.ts';
import { quantile } from './stats.ts';

/** Median and p95 of one query of the query API on the scaled dataset, in milliseconds. */
export interface QueryLatencyRow {
  name: string;
  samples: number;
  p50Ms: number;
  p95Ms: number;
}

/** Points spread over the city, so that no answer is served from a warm corner of the buffer cache alone. */
const POINTS: readonly [number, number][] = [
  [-7.6186, 33.5925], [-7.6455, 33.5885], [-7.5600, 33.5850], [-7.6700, 33.5500], [-7.5300, 33.5800],
  [-7.6000, 33.5700], [-7.6300, 33.5400], [-7.5900, 33.6000],
];

interface QueryCase {
  name: string;
  request: (index: number) => { path: string; body?: unknown };
}

const at = (index: number) => POINTS[index % POINTS.length]!;

const CASES: readonly QueryCase[] = [
  { name: 'locate', request: (i) => ({ path: `/api/query/locate?lon=${at(i)[0]}&lat=${at(i)[1]}` }) },
  { name: 'nearby permits, 500 m, 20', request: (i) => ({ path: `/api/query/nearby?layer=permits&lon=${at(i)[0]}&lat=${at(i)[1]}&radius=500&limit=20` }) },
  { name: 'nearby tram/bus stops, 1 km', request: (i) => ({ path: `/api/query/nearby?layer=transit_stops&lon=${at(i)[0]}&lat=${at(i)[1]}&radius=1000&limit=10` }) },
  {
    name: 'within 1 km² (permits, first page of 100)',
    request: (i) => {
      const [lon, lat] = at(i);
      const ring = [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.009], [lon, lat + 0.009], [lon, lat]];
      return { path: '/api/query/within', body: { geometry: { type: 'Polygon', coordinates: [ring] }, layers: ['permits'], limit: 100 } };
    },
  },
  { name: 'along Boulevard Zerktouni (permits, 100 m)', request: () => ({ path: `/api/query/along?street=${encodeURIComponent('Boulevard Zerktouni')}&layer=permits&distance=100` }) },
  { name: 'stats permits by arrondissement', request: () => ({ path: '/api/query/stats?layer=permits' }) },
  { name: 'stats inspections by arrondissement', request: () => ({ path: '/api/query/stats?layer=inspections' }) },
  { name: 'search "zerktouni"', request: () => ({ path: '/api/search?q=zerktouni' }) },
  { name: 'search "الزرقطوني"', request: () => ({ path: `/api/search?q=${encodeURIComponent('الزرقطوني')}` }) },
  { name: 'search "ain sebaa" near a point', request: (i) => ({ path: `/api/search?q=ain%20sebaa&lon=${at(i)[0]}&lat=${at(i)[1]}` }) },
];

/**
 * Each query of the query API, one at a time from this (separate) process against a casa-sig server, as an
 * administrator so that every layer is readable. A warm-up round is not counted.
 */
export async function measureQueryLatency(server: BenchServer, adminToken: string, samples: number): Promise<QueryLatencyRow[]> {
  const rows: QueryLatencyRow[] = [];
  for (const queryCase of CASES) {
    const times: number[] = [];
    for (let index = -1; index < samples; index += 1) {
      const { path, body } = queryCase.request(Math.max(index, 0));
      const started = performance.now();
      const response = await fetch(`${server.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${queryCase.name}: ${path} answered ${response.status}`);
      if (index >= 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    rows.push({ name: queryCase.name, samples, p50Ms: quantile(times, 0.5), p95Ms: quantile(times, 0.95) });
  }
  return rows;
}
