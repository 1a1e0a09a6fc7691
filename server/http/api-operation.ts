import type { z } from 'zod';
import type { LayerOperation } from '../auth/policy.ts';

/**
 * The description of one HTTP operation, kept next to the route that serves it. The zod schemas here are
 * the very ones the route validates with (parseRequest), and /api/openapi.json is generated from the
 * collected operations, so the documentation cannot drift from what is enforced. A test compares the
 * operations with the routes Express actually serves.
 */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. /api/query/nearby or /ogc/collections/{layer}/items/{id}. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Who may call it: a hint for readers; the policy decides. */
  access: 'public' | 'staff' | 'admin' | 'api-key-or-staff' | 'by-layer';
  /** For `by-layer` operations, the layer permissions of which the caller needs one (read when absent). */
  layerOperations?: readonly LayerOperation[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Content type of the success body, when not application/json. */
  responseType?: string;
  /** Status codes and what they mean. */
  responses: Readonly<Record<number, string>>;
}
