import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { pickLabel } from '../i18n/pick-label.ts';
import { INSPECT_MESSAGES } from './inspect-messages.ts';

/**
 * A hygiene grade as a letter in the map's colour for it, its full label (A – satisfactory...) for screen
 * readers and the tooltip; "not graded" when there is none.
 */
export function GradeBadge({ layer, grade, property = 'latest_grade' }: { layer: LayerCatalogEntry; grade: string | null; property?: string }) {
  const { language } = useI18n();
  const messages = useMessages(INSPECT_MESSAGES);
  const entry = layer.properties.find((candidate) => candidate.name === property)?.values?.find((value) => value.value === grade);
  const label = entry ? pickLabel(entry.label, language) : messages.noGrade;
  const colour = grade ? (layer.style.colorByValue?.[grade] ?? layer.style.color) : undefined;
  return (
    <span className="grade-badge" data-grade={grade ?? ''} title={label} aria-label={label} role="img" style={colour ? { backgroundColor: colour } : undefined}>
      <span aria-hidden="true">{grade ?? '–'}</span>
    </span>
  );
}
