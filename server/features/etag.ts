import { createHash } from 'node:crypto';
import type { LayerView } from '../auth/policy.ts';
import { BadRequestError } from '../http/errors.ts';

/**
 * A feature's strong ETag: its version plus a short tag of the caller's visibility class, because the
 * public and an inspector receive different bytes for the same version.
 */
export function featureEtag(version: number, view: LayerView): string {
  const classTag = createHash('sha256').update(view.visibilityClass).digest('base64url').slice(0, 8);
  return `"v${version}.${classTag}"`;
}

/**
 * An If-Match header as RFC 9110 §13.1.1 defines it: `*` (any current version), or the list of entity tags
 * the client accepts. Weak tags are kept out: If-Match compares strongly, so a weak tag never matches.
 */
export type IfMatch = { isAny: true } | { isAny: false; strongTags: readonly string[] };

/** One element of the list: optional W/, then a quoted opaque tag (etagc: %x21 / %x23-7E / obs-text). */
const ENTITY_TAG = /[ \t]*(W\/)?("[\x21\x23-\x7E\x80-\xFF]*")[ \t]*(?:,|$)/y;
const EMPTY_ELEMENT = /[ \t]*,/y;

/**
 * Parses If-Match: undefined when absent (the caller answers 428), a 400 when it is neither `*` nor a list
 * of entity tags (a malformed precondition is not a missing one).
 */
export function parseIfMatch(header: string | undefined): IfMatch | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return { isAny: true };
  const strongTags: string[] = [];
  let position = 0;
  while (header.slice(position).trim() !== '') {
    EMPTY_ELEMENT.lastIndex = position;
    if (EMPTY_ELEMENT.test(header)) {
      position = EMPTY_ELEMENT.lastIndex;
      continue;
    }
    ENTITY_TAG.lastIndex = position;
    const match = ENTITY_TAG.exec(header);
    if (!match || match[0].length === 0) throw invalidIfMatch();
    if (!match[1]) strongTags.push(match[2]!);
    position = ENTITY_TAG.lastIndex;
  }
  // An empty list (the field sent empty) is well-formed and matches nothing: 412, not 428.
  return { isAny: false, strongTags };
}

function invalidIfMatch(): BadRequestError {
  return new BadRequestError('invalid-if-match', 'If-Match must be * or a comma-separated list of entity tags such as "v3.AbCdEfGh"');
}

/** Whether the precondition holds for a feature whose current ETag (as this caller sees it) is `currentEtag`. */
export function isIfMatchSatisfied(ifMatch: IfMatch, currentEtag: string): boolean {
  return ifMatch.isAny || ifMatch.strongTags.includes(currentEtag);
}
