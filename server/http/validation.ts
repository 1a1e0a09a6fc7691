import type { z } from 'zod';
import { BadRequestError } from './errors.ts';

/** One problem with a request value, located by a JSON pointer into the body or by the parameter name. */
export interface RequestIssue {
  pointer: string;
  code: string;
  message: string;
}

function pointerOf(path: readonly PropertyKey[]): string {
  return `/${path.map((part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

/** Parses a value with a zod schema; failure is a 400 naming each bad member (never echoing values). */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, value: unknown, what: 'body' | 'query'): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues: RequestIssue[] = parsed.error.issues.map((issue) => ({
    pointer: pointerOf(issue.path),
    code: issue.code,
    message: issue.message,
  }));
  const names = issues.map((issue) => issue.pointer).join(', ');
  throw new BadRequestError(`invalid-${what}`, `Invalid request ${what}: ${names}`, { issues });
}
