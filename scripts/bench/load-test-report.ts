import type { MixResult } from './mix-client.ts';
import { quantile } from './stats.ts';

/** The kinds of request of the load test's mix, in the order MixRequest.kind indexes them. */
export const LOAD_KINDS = ['tile', 'item', 'query', 'search', 'edit'] as const;

/** One kind of request in one phase. */
export interface LoadKindRow {
  kind: string;
  sent: number;
  admitted: number;
  shed: number;
  /** p95 of this kind's admitted requests, in milliseconds. */
  admittedP95Ms: number;
}

/** One phase of the load test: how requests arrived and what the server made of them. */
export interface LoadPhase {
  name: string;
  /** How requests arrived, e.g. "closed, 16 clients" or "open, 900 requests/s". */
  arrival: string;
  /** Requests sent per second over the window (what the client managed to offer). */
  sentPerSecond: number;
  /** Answers 2xx per second over the window: the work the server did. */
  admittedPerSecond: number;
  /** Shares of the requests sent: 503 (shed), 429 (a source over its budget), anything else not 2xx (errors). */
  shedShare: number;
  limitedShare: number;
  errorShare: number;
  /** 503 answers without Retry-After (should be none). */
  shedWithoutRetryAfter: number;
  /** Arrivals the client could not send because all its connections were busy. */
  unsent: number;
  /** Latency quantiles of the admitted (2xx) requests, and p95 of the refusals, in milliseconds. */
  admittedP50Ms: number;
  admittedP95Ms: number;
  admittedP99Ms: number;
  shedP95Ms: number;
  /** The server's largest resident set size seen during the phase, in bytes. */
  peakRssBytes: number;
  byKind: LoadKindRow[];
}

/** The load test of `npm run bench` (scripts/bench/load-test.ts). */
export interface LoadTestResult {
  /** Seconds each phase sends for. */
  phaseSeconds: number;
  /** Simulated citizens (distinct X-Forwarded-For addresses) behind the proxy. */
  citizens: number;
  /** Shares of the mix, by kind, in per cent. */
  mix: Record<string, number>;
  rssAtStartBytes: number;
  phases: LoadPhase[];
}

const isAdmitted = (status: number) => status >= 200 && status < 300;

function sortedLatencies(result: MixResult, keep: (index: number) => boolean): number[] {
  return result.latenciesMs.filter((_, index) => keep(index)).sort((a, b) => a - b);
}

/** The figures of one phase from the client's raw records. */
export function summarisePhase(name: string, arrival: string, result: MixResult, peakRssBytes: number): LoadPhase {
  const sent = result.statuses.length;
  const seconds = result.elapsedMs / 1000;
  const count = (test: (status: number) => boolean) => result.statuses.filter(test).length;
  const admitted = sortedLatencies(result, (index) => isAdmitted(result.statuses[index]!));
  const shed = sortedLatencies(result, (index) => result.statuses[index] === 503);
  const share = (value: number) => (sent > 0 ? value / sent : Number.NaN);
  return {
    name,
    arrival,
    sentPerSecond: sent / seconds,
    admittedPerSecond: admitted.length / seconds,
    shedShare: share(shed.length),
    limitedShare: share(count((status) => status === 429)),
    errorShare: share(count((status) => !isAdmitted(status) && status !== 503 && status !== 429)),
    shedWithoutRetryAfter: result.statuses.filter((status, index) => status === 503 && result.retryAfter[index] === 0).length,
    unsent: result.unsent,
    admittedP50Ms: quantile(admitted, 0.5),
    admittedP95Ms: quantile(admitted, 0.95),
    admittedP99Ms: quantile(admitted, 0.99),
    shedP95Ms: quantile(shed, 0.95),
    peakRssBytes,
    byKind: LOAD_KINDS.map((kind, kindIndex) => {
      const ofKind = (index: number) => result.kinds[index] === kindIndex;
      return {
        kind,
        sent: result.kinds.filter((value) => value === kindIndex).length,
        admitted: result.statuses.filter((status, index) => ofKind(index) && isAdmitted(status)).length,
        shed: result.statuses.filter((status, index) => ofKind(index) && status === 503).length,
        admittedP95Ms: quantile(sortedLatencies(result, (index) => ofKind(index) && isAdmitted(result.statuses[index]!)), 0.95),
      };
    }),
  };
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const percent = (share: number) => `${fixed(share * 100, 1)} %`;
const megabytes = (bytes: number) => `${fixed(bytes / 1024 / 1024)} MB`;

/** The phases whose figures the targets compare. */
export function loadPhases(result: LoadTestResult): { capacity?: LoadPhase; nominal?: LoadPhase; overload?: LoadPhase } {
  const find = (name: string) => result.phases.find((phase) => phase.name === name);
  return { capacity: find('capacity'), nominal: find('nominal'), overload: find('overload') };
}

/** The load test's goals: under overload the server sheds with a clear 503, keeps serving, and keeps its memory. */
export function loadTargets(result: LoadTestResult): { name: string; goal: string; measured: string; isMet: boolean }[] {
  const { capacity, nominal, overload } = loadPhases(result);
  if (!capacity || !nominal || !overload) return [];
  const held = overload.admittedPerSecond / capacity.admittedPerSecond;
  return [
    { name: 'load: errors at half capacity (not 2xx)', goal: '0 %', measured: percent(nominal.shedShare + nominal.limitedShare + nominal.errorShare), isMet: nominal.shedShare + nominal.limitedShare + nominal.errorShare === 0 },
    { name: 'load: overload shed with 503', goal: '> 0 %', measured: percent(overload.shedShare), isMet: overload.shedShare > 0 },
    { name: 'load: overload 503 without Retry-After', goal: '0', measured: String(overload.shedWithoutRetryAfter), isMet: overload.shedWithoutRetryAfter === 0 },
    { name: 'load: overload errors other than 503/429', goal: '0 %', measured: percent(overload.errorShare), isMet: overload.errorShare === 0 },
    { name: 'load: served under overload / capacity', goal: '>= 0.7x', measured: `${fixed(held, 2)}x`, isMet: held >= 0.7 },
    { name: 'load: server RSS under overload', goal: '< 500 MB', measured: megabytes(overload.peakRssBytes), isMet: overload.peakRssBytes < 500 * 1024 * 1024 },
  ];
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The load test as Markdown: one row per phase, then each kind's share of the overload. */
export function formatLoadTest(result: LoadTestResult): string {
  const { capacity, nominal, overload } = loadPhases(result);
  const phases = table(
    ['phase', 'arrival', 'sent/s', 'served/s', '503', '429', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', '503 p95 ms', 'peak RSS'],
    result.phases.map((phase) => [
      phase.name, phase.arrival, fixed(phase.sentPerSecond), fixed(phase.admittedPerSecond), percent(phase.shedShare), percent(phase.limitedShare),
      percent(phase.errorShare), fixed(phase.admittedP50Ms, 1), fixed(phase.admittedP95Ms, 1), fixed(phase.admittedP99Ms, 1), fixed(phase.shedP95Ms, 1), megabytes(phase.peakRssBytes),
    ]),
  );
  const kinds = overload
    ? table(['kind (overload)', 'sent', 'served', '503', 'served p95 ms'], overload.byKind.map((row) => [row.kind, String(row.sent), String(row.admitted), String(row.shed), fixed(row.admittedP95Ms, 1)]))
    : '';
  const ratios = capacity && nominal && overload
    ? `ratios: served under overload / capacity ${fixed(overload.admittedPerSecond / capacity.admittedPerSecond, 2)}x; `
      + `admitted p95 under overload / at half capacity ${fixed(overload.admittedP95Ms / nominal.admittedP95Ms, 1)}x; `
      + `peak RSS under overload / at start ${fixed(overload.peakRssBytes / result.rssAtStartBytes, 2)}x`
      + (overload.unsent > 0 ? `; ${overload.unsent} arrivals found every client connection busy and were not sent` : '')
    : '';
  return [
    `Load test (a second process on loopback; ${result.phaseSeconds} s per phase; mix ${Object.entries(result.mix).map(([kind, share]) => `${share} % ${kind}`).join(', ')}; `
      + `${result.citizens} citizens behind a proxy on loopback, edits by one administrator):`,
    '', phases, '', kinds, '', ratios,
  ].join('\n');
}
