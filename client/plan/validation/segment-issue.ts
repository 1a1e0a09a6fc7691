import type { Position } from 'geojson';
import type { Labels } from '../../../server/layers/layer-definition.ts';
import { LANGUAGES } from '../../i18n/language.ts';
import { ISSUE_MESSAGES, type IssueTexts } from './issue-messages.ts';

/** The obvious repair of an issue, when there is one. */
export type IssueFix =
  /** Move the line's end (vertex `index`) onto the road it almost meets, making a junction. */
  | { kind: 'snap-end'; index: number; to: Position }
  /** Remove a vertex that repeats another one. */
  | { kind: 'remove-vertex'; index: number }
  /** Merge with the touching twin. */
  | { kind: 'merge'; withKey: string };

/**
 * One thing wrong with a segment: errors block saving (the server would refuse the change set with 422),
 * warnings are saved and shown. `code` is the server's code for the same rule; `pointer` the part of the
 * feature (`/geometry`, `/properties/width_m`); `place` where the map zooms to show it.
 */
export interface SegmentIssue {
  key: string;
  severity: 'error' | 'warning';
  code: string;
  pointer: string;
  message: Labels;
  place?: Position;
  fix?: IssueFix;
}

/** A message of the editor's own checks in the three languages. */
export function issueText(write: (texts: IssueTexts) => string): Labels {
  const [fr, ar, en] = LANGUAGES.map((language) => write(ISSUE_MESSAGES[language]));
  return { fr: fr!, ar: ar!, en: en! };
}
