import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { API_REFERENCE_STYLE } from './api-reference-page.ts';

/** CSP source of one inline style, by the SHA-256 of its text. */
function styleHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/**
 * Security headers: everything the app loads comes from its own origin (no CDN, no external fonts), and no
 * inline script or style runs (the built client has none; React and MapLibre style elements through the
 * CSSOM, which the policy does not govern), but the one style of /api/docs, allowed by its hash.
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", styleHash(API_REFERENCE_STYLE)],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      workerSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
});

/**
 * The headers `securityHeaders` sets, as name/value pairs, for responses written without Express (the tile
 * front door). They do not depend on the request (no nonces), so running the middleware once against a
 * recorder gives exactly what every Express response carries: one configuration, two ways of sending it.
 */
export function securityHeaderPairs(): readonly (readonly [string, string])[] {
  computedPairs ??= computeSecurityHeaderPairs();
  return computedPairs;
}

let computedPairs: readonly (readonly [string, string])[] | undefined;

function computeSecurityHeaderPairs(): readonly (readonly [string, string])[] {
  const pairs = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => pairs.set(name, String(value)),
    removeHeader: (name: string) => pairs.delete(name),
    getHeader: (name: string) => pairs.get(name),
  };
  let isDone = false;
  securityHeaders({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    isDone = true;
  });
  // helmet runs synchronously; if a future version did not, the front door must not go without headers.
  if (!isDone) throw new Error('helmet did not finish synchronously: the tile front door cannot copy its headers');
  return Object.freeze([...pairs].map(([name, value]) => Object.freeze([name, value] as const)));
}
