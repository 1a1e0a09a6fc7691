/**
 * The inspection form as data: what the inspector typed, checked before anything is kept (the server
 * checks again), and turned into the feature the server stores. Pure.
 */

export interface InspectionDraft {
  inspectedOn: string;
  score: string;
  grade: string;
  violations: readonly string[];
  outcome: string;
  followUpOn: string;
  notes: string;
}

export type DraftIssue = 'date' | 'score' | 'grade' | 'outcome' | 'followUp';

export function emptyDraft(today: string): InspectionDraft {
  return { inspectedOn: today, score: '', grade: '', violations: [], outcome: '', followUpOn: '', notes: '' };
}

/** What is missing or wrong, field by field (empty when the draft can be sent). */
export function draftIssues(draft: InspectionDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.inspectedOn)) issues.push('date');
  const score = Number(draft.score);
  if (draft.score.trim() === '' || !Number.isInteger(score) || score < 0 || score > 100) issues.push('score');
  if (draft.grade === '') issues.push('grade');
  if (draft.outcome === '') issues.push('outcome');
  if (draft.followUpOn !== '' && draft.followUpOn < draft.inspectedOn) issues.push('followUp');
  return issues;
}

/**
 * The inspection as a GeoJSON feature for POST /ogc/collections/inspections/items: no geometry (the server
 * places it at its establishment), the inspector named as the account that records it.
 */
export function inspectionFeature(draft: InspectionDraft, establishmentId: number, inspectorName: string) {
  const notes = draft.notes.trim();
  return {
    type: 'Feature' as const,
    geometry: null,
    properties: {
      establishment_id: establishmentId,
      inspected_on: draft.inspectedOn,
      inspector_name: inspectorName,
      score: Number(draft.score),
      grade: draft.grade,
      violations: [...draft.violations],
      outcome: draft.outcome,
      ...(draft.followUpOn ? { follow_up_on: draft.followUpOn } : {}),
      ...(notes ? { notes } : {}),
    },
  };
}
