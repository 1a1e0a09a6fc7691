import type { Labels } from '../layers/layer-definition.ts';
import type { PropertyIssueCode } from '../layers/property-validation.ts';
import type { RowIssueCode } from '../layers/row-checks.ts';

/** Problems that stop an import before any feature is looked at, or that concern the file as a whole. */
export type FileIssueCode =
  | 'unknown-layer'
  | 'unreadable-file'
  | 'unsupported-format'
  | 'invalid-encoding'
  | 'invalid-json'
  | 'not-geojson'
  | 'unsupported-crs'
  | 'invalid-zip'
  | 'no-shapefile'
  | 'several-shapefiles'
  | 'missing-dbf'
  | 'invalid-shapefile'
  | 'no-features'
  | 'no-features-selected';

/** Problems with the mapping of source attributes (or `--map`/`--set` options) onto registry properties. */
export type MappingIssueCode =
  | 'unknown-attribute'
  | 'read-only-attribute'
  | 'unknown-map-source'
  | 'unknown-map-target'
  | 'duplicate-target'
  | 'ambiguous-value'
  | 'unmapped-value'
  | 'unknown-level'
  | 'parents-disagree';

/** Problems of one feature's structure or geometry (properties use the registry validator's codes). */
export type FeatureIssueCode =
  | 'not-a-feature'
  | 'missing-geometry'
  | 'malformed-geometry'
  | 'non-finite-coordinate'
  | 'coordinate-out-of-range'
  | 'wrong-geometry-type'
  | 'invalid-geometry'
  | 'database-rule'
  | 'missing-key'
  | 'duplicate-key'
  | 'parent-not-found'
  | 'dependent-features';

export type ImportIssueCode = FileIssueCode | MappingIssueCode | FeatureIssueCode | PropertyIssueCode | RowIssueCode;

/**
 * One reason an import is refused. Any issue means nothing is written. `featureIndex` is the 0-based
 * position of the feature in the file (absent for problems of the whole file or of the mapping);
 * `pointer` is an RFC 6901 JSON pointer inside that feature (or the file), e.g. `/properties/width_m`.
 */
export interface ImportIssue {
  featureIndex?: number;
  /** The source attribute the value came from, when it differs from the property in `pointer`. */
  attribute?: string;
  pointer: string;
  /** The property of the layer the issue is about, when there is one. */
  field?: string;
  code: ImportIssueCode;
  message: Labels;
  /** How to put it right. */
  hint?: Labels;
}

/** Builds a message in the three interface languages (French and Arabic first, DESIGN.md). */
export function labels(fr: string, ar: string, en: string): Labels {
  return { fr, ar, en };
}

/** "a, b, c" with at most `limit` items, then "… (N in all)". */
export function listNames(names: readonly string[], limit = 30): string {
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown}, … (${names.length})` : shown;
}

/** A file-level issue (no feature index). */
export function fileIssue(code: FileIssueCode | MappingIssueCode, message: Labels, pointer = ''): ImportIssue {
  return { pointer, code, message };
}
