import type { Labels } from '../../server/layers/layer-definition.ts';
import type { Language } from './language.ts';

/**
 * A label in the language. The registry requires French and Arabic; when the language's own label is empty
 * the French one is shown, marked `lang="fr"` by the callers that render it (never a silent switch).
 */
export function pickLabel(labels: Labels, language: Language): string {
  return labels[language] || labels.fr;
}
