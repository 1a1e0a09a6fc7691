import { AppError } from '../http/errors.ts';
import type { Labels } from '../layers/layer-definition.ts';

/** One reason a feature cannot be saved (error) or should be looked at (warning). */
export interface FeatureIssue {
  /** JSON pointer into the request body, e.g. /properties/width_m, /geometry, /changes/2/feature/geometry. */
  pointer: string;
  code: string;
  message: Labels;
  /** How to put it right, when the rule says. */
  hint?: Labels;
}

export class ValidationError extends AppError {
  constructor(readonly issues: FeatureIssue[]) {
    super(422, 'invalid-feature', 'Unprocessable content', `${issues.length} problem(s) in the feature`, { issues });
  }
}

export class PreconditionRequiredError extends AppError {
  constructor() {
    super(428, 'precondition-required', 'Precondition required', 'Send If-Match with the ETag of the version you edited');
  }
}

/** 412 with the current ETag, so that the client can read the feature again; none when it was deleted. */
export class PreconditionFailedError extends AppError {
  constructor(currentEtag?: string) {
    super(
      412, 'precondition-failed', 'Precondition failed',
      currentEtag ? 'The feature has changed since you read it' : 'The feature no longer exists, so no If-Match can hold',
      currentEtag ? { currentEtag } : {},
      currentEtag ? { ETag: currentEtag } : {},
    );
  }
}

export function issue(pointer: string, code: string, fr: string, ar: string, en: string): FeatureIssue {
  return { pointer, code, message: { fr, ar, en } };
}

/** Prefixes every issue's pointer (a change set locates issues inside /changes/<n>). */
export function withPointerPrefix(error: unknown, prefix: string): unknown {
  if (error instanceof ValidationError) {
    return new ValidationError(error.issues.map((found) => ({ ...found, pointer: `${prefix}${found.pointer}` })));
  }
  return error;
}
