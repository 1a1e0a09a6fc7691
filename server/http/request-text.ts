import type { NextFunction, Request, Response } from 'express';
import { BadRequestError } from './errors.ts';

/** Nesting of a JSON body at most: a change set of MultiPolygons needs 8; far deeper is only ever an attack. */
export const MAX_JSON_DEPTH = 32;

/** PostgreSQL text cannot hold U+0000, so no value that contains it can be stored or even compared. */
const NUL = '\u0000';

function decodes(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Refuses, before any route sees it, a request whose URL is not text: a path or query string whose
 * percent-encoding is malformed or does not decode to UTF-8 (`%`, `%FF%FE`), or that decodes to NUL. Every
 * route then reads its parameters as the text they claim to be (Express would otherwise fail while
 * decoding a path parameter, and PostgreSQL on a NUL).
 */
export function rejectUndecodableUrls(request: Request, _response: Response, next: NextFunction): void {
  const url = request.originalUrl;
  const queryStart = url.indexOf('?');
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  const query = queryStart < 0 ? '' : url.slice(queryStart + 1);
  const decodedPath = decodes(path);
  if (decodedPath === undefined || decodedPath.includes(NUL)) {
    throw new BadRequestError('malformed-path', 'The path must be percent-encoded UTF-8 text without NUL characters');
  }
  const issues = query.split('&').flatMap((pair) => {
    const [rawName = '', ...rawValue] = pair.split('=');
    const name = decodes(rawName.replaceAll('+', ' '));
    const value = decodes(rawValue.join('=').replaceAll('+', ' '));
    if (name !== undefined && value !== undefined && !name.includes(NUL) && !value.includes(NUL)) return [];
    const shownName = name?.replaceAll(NUL, '') ?? rawName;
    return [{ pointer: `/${shownName.slice(0, 64)}`, code: 'malformed-text', message: 'must be percent-encoded UTF-8 text without NUL characters' }];
  });
  if (issues.length > 0) {
    throw new BadRequestError('malformed-query', 'The query string must be percent-encoded UTF-8 text without NUL characters', { issues });
  }
  next();
}

/** The JSON pointer of a path of keys and indexes. */
function pointerOf(path: readonly (string | number)[]): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The first place in a parsed JSON value that no route may receive, or undefined. Iterative: deep input cannot overflow the stack. */
export function findUnacceptableJson(value: unknown): { pointer: string; code: 'too-deep' | 'invalid-character' } | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return { pointer: pointerOf(path), code: 'invalid-character' };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= MAX_JSON_DEPTH) return { pointer: pointerOf(path), code: 'too-deep' };
    const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((item, index) => [index, item]) : Object.entries(current);
    for (const [key, item] of entries) {
      if (typeof key === 'string' && key.includes(NUL)) return { pointer: pointerOf(path), code: 'invalid-character' };
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return undefined;
}

/**
 * Refuses a parsed JSON body nested deeper than MAX_JSON_DEPTH (JSON.stringify and recursive validators
 * would overflow the stack on it) or holding NUL in a key or string, before any route reads it.
 */
export function rejectUnacceptableJson(request: Request, _response: Response, next: NextFunction): void {
  const found = request.body !== null && typeof request.body === 'object' ? findUnacceptableJson(request.body) : undefined;
  if (!found) {
    next();
    return;
  }
  const message = found.code === 'too-deep' ? `nested more than ${MAX_JSON_DEPTH} levels` : 'contains a NUL character (U+0000)';
  throw new BadRequestError(found.code === 'too-deep' ? 'json-too-deep' : 'invalid-character', `The request body ${message}`, {
    issues: [{ pointer: found.pointer, code: found.code, message }],
  });
}
