import type { Labels, RowRule } from '../layer-definition.ts';

/**
 * A date that may not come before another of the same row (a decision before its application). ISO dates
 * compare as text; a missing date meets the rule, as it does in the database's CHECK.
 */
export function dateNotBefore(later: string, earlier: string, constraint: string, message: Labels): RowRule {
  return {
    constraint,
    properties: [later, earlier],
    message,
    isMet: (values) => {
      const [laterValue, earlierValue] = [values[later], values[earlier]];
      return typeof laterValue !== 'string' || typeof earlierValue !== 'string' || laterValue >= earlierValue;
    },
  };
}
