import { createHash } from 'node:crypto';
import type { LayerView } from '../auth/policy.ts';

/**
 * A feature's strong ETag: its version plus a short tag of the caller's visibility class, because the
 * public and an inspector receive different bytes for the same version. If-Match compares versions.
 */
export function featureEtag(version: number, view: LayerView): string {
  const classTag = createHash('sha256').update(view.visibilityClass).digest('base64url').slice(0, 8);
  return `"v${version}.${classTag}"`;
}

/**
 * The versions named by an If-Match header: undefined when the header is absent or carries no version
 * of ours ("*" or a weak tag cannot lock anything, so they count as missing).
 */
export function parseIfMatch(header: string | undefined): number[] | undefined {
  if (!header) return undefined;
  const versions = header
    .split(',')
    .map((candidate) => /^"v(\d{1,9})\.[A-Za-z0-9_-]{8}"$/.exec(candidate.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
  return versions.length > 0 ? versions : undefined;
}
