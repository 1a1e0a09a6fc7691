import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** The project root (the folder holding package.json). */
export const PROJECT_ROOT = join(import.meta.dirname, '..');

/**
 * Tiles rendered at once by default: twice the CPUs. Rendering is CPU in PostgreSQL and in this process on
 * the same machine, so more renders at once than that only queue inside PostgreSQL and stretch the tail
 * (8 on 2 cores: p99 181 ms at 10 clients), while fewer leave a core idle during each round trip.
 */
const DEFAULT_TILE_RENDERS = Math.max(2, 2 * availableParallelism());

/** "west,south,east,north" in degrees. */
const bboxSetting = z
  .string()
  .transform((text) => text.split(',').map((part) => Number(part.trim())))
  .pipe(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)]))
  .refine(([west, south, east, north]) => west < east && south < north, 'must be west,south,east,north with west < east and south < north');

/**
 * Every setting casa-sig reads, with its default. Parsed once at start and passed down; nothing else
 * reads process.env (DESIGN.md).
 */
const settings = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080).describe('HTTP port'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Interface to listen on'),
  TRUST_PROXY: z.string().regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/,\s]+|loopback|linklocal|uniquelocal)(,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*$/, 'true, false, a hop count, or addresses, CIDRs and loopback/linklocal/uniquelocal, comma-separated')
    .default('loopback')
    .describe('Proxies whose X-Forwarded-For/-Proto are believed (client address for rate limits and audit; https for Secure cookies); default: one on this machine'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .describe('PostgreSQL with PostGIS 3.x; unset = the embedded cluster under .data/'),
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .describe('A streaming replica of the primary (hot standby) for read-only work: tiles, item reads, queries, search; writes stay on the primary; reads fall back to the primary while it is down or behind an edit'),
  EMBEDDED_PG_DIR: z.string().default(join(PROJECT_ROOT, '.data', 'postgres')).describe('Embedded cluster data directory'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329).describe('Embedded cluster port'),
  REGION_MARGIN_KM: z.coerce.number().min(0).max(500).default(8)
    .describe('The region served is the admin areas\' extent plus this margin (how far the map pans, which points queries and edits accept)'),
  REGION_BOUNDS: bboxSetting.optional().describe('west,south,east,north in degrees: the region served, instead of the admin areas\' extent plus the margin'),
  HOME_BOUNDS: bboxSetting.optional().describe('west,south,east,north in degrees: what the map opens on, instead of the extent of the city\'s arrondissements'),
  SAMPLE_DATA: z.enum(['auto', 'never']).default('auto').describe('auto = load the Casablanca sample data into an empty database'),
  DB_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10).describe('Database connections at most'),
  DB_POOL_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(100)
    .describe('Requests that may wait for a database connection when all are busy (item reads, edits, sign-ins); past it, 503 with Retry-After'),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000).describe('Statement timeout'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 86_400).default(12 * 3600).describe('Lifetime of a login session'),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30)
    .describe('How long a resolved session is reused without reading PostgreSQL (changes reach every process at once through NOTIFY); 0 = off'),
  LOGIN_ATTEMPTS_PER_USERNAME: z.coerce.number().int().min(1).max(1000).default(5).describe('Failed logins per username per window before 429'),
  LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(20).describe('Failed logins per address per window before 429'),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900).describe('Login rate-limit window'),
  DENIAL_AUDIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60)
    .describe('Denials (401/403) from one source are written once per window; the rest are summed into one row when it ends'),
  QUERY_CONCURRENCY_MAX: z.coerce.number().int().min(1).max(199).optional()
    .describe('Spatial queries, searches and item lists run at once (each holds a connection of the DB_POOL_MAX); below DB_POOL_MAX; default 6, or DB_POOL_MAX - 1 when smaller'),
  QUERY_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(64)
    .describe('Spatial queries, searches and item lists allowed to wait; past it, 503 with Retry-After'),
  QUERY_RATE_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1_200)
    .describe('Query tokens each API key, account or public network earns per minute (a statistics or along query costs 5, others 1); past the burst, 429 with Retry-After; 0 = no limit'),
  SHED_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(100)
    .describe('While the event loop is this many milliseconds late on average, reads (GET, HEAD) other than health checks and cached tiles get 503 with Retry-After; 0 = never'),
  QUERY_RATE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(200).describe('Query tokens a source may save up'),
  FEATURES_DEFAULT_LIMIT: z.coerce.number().int().min(1).max(10_000).default(100).describe('Items per page when no limit is given'),
  FEATURES_MAX_LIMIT: z.coerce.number().int().min(1).max(10_000).default(1_000).describe('Largest limit accepted on item lists'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(50_000_000).default(1_000_000).describe('Largest request body accepted (413 beyond)'),
  MAX_GEOMETRY_VERTICES: z.coerce.number().int().min(2).max(1_000_000).default(10_000).describe('Most vertices in one edited geometry'),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000)
    .describe('A webhook request (connect, send, answer) is cut after this long and retried later'),
  WEBHOOK_ALLOWED_NETWORKS: z.string().default('')
    .describe('IPs or CIDR networks (comma-separated, e.g. 10.20.0.0/16) that webhooks may reach although loopback, private or reserved; public addresses are always allowed'),
  CLIENT_DIST_DIR: z.string().default(join(PROJECT_ROOT, 'dist', 'client')).describe('Built client to serve'),
  TILE_ARCHIVE_DIR: z.string().default(join(PROJECT_ROOT, 'tiles'))
    .describe('Where npm run tiles:archive writes PMTiles archives and /archives/{name}.pmtiles serves them from'),
  TILE_CACHE_MAX_BYTES: z.coerce.number().int().min(0).max(8_000_000_000).default(64 * 1024 * 1024)
    .describe('Byte budget of the in-memory tile cache (compressed tiles plus per-entry overhead); 0 = no cache'),
  TILE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(DEFAULT_TILE_RENDERS)
    .describe('Tiles rendered at once, each on a database connection of its own; default twice the CPU count (npm run bench measures 2 to 10 and p99 at 10 clients)'),
  TILE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000)
    .describe('Statement timeout of tile queries (the tile is then a 503 with Retry-After)'),
  TILE_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(256)
    .describe('Tiles allowed to wait for a tile connection; past it, 503 with Retry-After'),
  TILE_PREPARED_STATEMENTS: z.stringbool().default(true).describe('Run tile queries as named prepared statements'),
  // 30 s: MapLibre re-requests every visible tile when it expires, so a few seconds keep an idle map busy;
  // edits still reach the server's own cache at once (LISTEN/NOTIFY), browsers within this many seconds.
  TILE_PUBLIC_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30)
    .describe('Cache-Control max-age of public tiles'),
  TILE_PUBLIC_STALE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300)
    .describe('Cache-Control stale-while-revalidate of public tiles'),
  TILE_CHANGES_MAX_STREAMS: z.coerce.number().int().min(0).max(1_000_000).default(2_000)
    .describe('Open maps listening to GET /api/tile-changes at once on this server; past it, 503 with Retry-After'),
  TILE_CHANGES_MAX_AGE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300)
    .describe('A tile-changes stream ends after this long (EventSource reconnects with the credentials of the moment)'),
});

/** Queries may take this many connections of the pool by default, and always leave one to the rest. */
const DEFAULT_QUERY_CONCURRENCY = 6;

const configSchema = settings
  .transform((config) => ({ ...config, QUERY_CONCURRENCY_MAX: config.QUERY_CONCURRENCY_MAX ?? Math.min(DEFAULT_QUERY_CONCURRENCY, config.DB_POOL_MAX - 1) }))
  .refine((config) => config.QUERY_CONCURRENCY_MAX < config.DB_POOL_MAX, {
    message: 'must be below DB_POOL_MAX, so that the queued endpoints always leave connections to edits and sign-ins',
    path: ['QUERY_CONCURRENCY_MAX'],
  });

export type Config = Readonly<z.output<typeof configSchema>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(settings.shape).flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]])),
  );
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  return Object.freeze(parsed.data);
}
