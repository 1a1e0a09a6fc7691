import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type pg from 'pg';
import type { Logger } from 'pino';
import { assignPublicPrincipal } from './auth/principal.ts';
import { createProblemHandler, notFoundHandler } from './http/problem.ts';
import { assignRequestId } from './http/request-id.ts';
import { createRequestLogger } from './http/request-log.ts';
import type { LayerRegistry } from './layers/registry.ts';
import { createHealthRouter } from './routes/health.ts';
import { createLayersRouter } from './routes/layers.ts';
import { createTileRouter } from './routes/tiles.ts';

export interface AppDeps {
  pool: pg.Pool;
  registry: LayerRegistry;
  logger: Logger;
  /** Folder of the built client (vite build); the API still works without it. */
  clientDistDir: string;
}

/** Security headers: everything the app loads comes from its own origin (no CDN, no external fonts). */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      workerSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
});

function serveClient(app: Express, clientDistDir: string): void {
  if (!existsSync(join(clientDistDir, 'index.html'))) return;
  // Vite names assets by content hash, so they never change under the same URL.
  app.use('/assets', express.static(join(clientDistDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(clientDistDir, { index: false, maxAge: 0 }));
  app.get(/^\/(?!api\/|tiles\/|ogc\/|healthz$|readyz$).*/, (_request, response) => {
    response.set('Cache-Control', 'no-cache').sendFile(join(clientDistDir, 'index.html'));
  });
}

/** Builds the Express app without listening (tests drive it in-process). */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(assignRequestId);
  app.use(createRequestLogger(deps.logger));
  app.use(securityHeaders);
  app.use(compression());
  app.use(express.json({ limit: '1mb', type: ['application/json', 'application/geo+json', 'application/merge-patch+json'] }));
  app.use(assignPublicPrincipal);

  app.use(createHealthRouter(deps.pool));
  app.use(createLayersRouter(deps.registry));
  app.use(createTileRouter({ pool: deps.pool, registry: deps.registry, publicMaxAgeSeconds: 5, publicStaleSeconds: 60 }));
  serveClient(app, deps.clientDistDir);

  app.use(notFoundHandler);
  app.use(createProblemHandler(deps.logger));
  return app;
}
