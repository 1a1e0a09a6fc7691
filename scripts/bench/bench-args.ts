/** Command line of `npm run bench`. */
export interface BenchArgs {
  isQuick: boolean;
  /** Where to write the figures as JSON, if asked. */
  jsonFile?: string;
  /** The benchmark cluster's port (its own cluster, never the user's). */
  port: number;
}

export const BENCH_USAGE = `usage: npm run bench -- [--quick] [--json <file>] [--port <n>]

Builds (or reuses) the scaled dataset in the benchmark's own PostgreSQL cluster (.data/bench), then measures
casa-sig's tiles against raw ST_AsMVT and the plain approach, and prints the figures.
  --quick        fewer repetitions and samples: finishes in under 2 minutes once the dataset exists
  --json <file>  also write every figure to <file> as JSON
  --port <n>     port of the benchmark cluster (default 54339)`;

export function parseBenchArgs(args: readonly string[]): BenchArgs | { error: string } | 'help' {
  const parsed: BenchArgs = { isQuick: false, port: 54339 };
  for (let index = 0; index < args.length; index += 1) {
    const name = args[index]!;
    if (name === '--help' || name === '-h') return 'help';
    if (name === '--quick') {
      parsed.isQuick = true;
      continue;
    }
    const value = args[index + 1];
    if (name !== '--json' && name !== '--port') return { error: `unknown option ${name}` };
    if (value === undefined || value.startsWith('--')) return { error: `${name} needs a value` };
    index += 1;
    if (name === '--json') parsed.jsonFile = value;
    else if (/^\d+$/.test(value) && Number(value) >= 1024 && Number(value) <= 65535) parsed.port = Number(value);
    else return { error: '--port must be a number from 1024 to 65535' };
  }
  return parsed;
}
