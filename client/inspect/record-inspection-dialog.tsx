import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { fetchFeature } from '../api/fetch-feature.ts';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { localeOf } from '../i18n/language.ts';
import { pickLabel } from '../i18n/pick-label.ts';
import { describeTitle } from '../ui/describe-feature.ts';
import { currentPosition, distanceMetres, type LonLat } from './device-position.ts';
import { type DraftIssue, draftIssues, emptyDraft, type InspectionDraft, inspectionFeature } from './inspection-form.ts';
import type { OutboxProblem } from './offline/outbox-store.ts';
import { type RecordResult, useOutbox } from './offline/use-outbox.tsx';
import { RECORD_MESSAGES } from './record-messages.ts';

/** Beyond this distance (m) from the establishment, the form warns that the inspector may be at the wrong place. */
export const FAR_FROM_PLACE_M = 150;

interface RecordInspectionDialogProps {
  inspections: LayerCatalogEntry;
  establishments: LayerCatalogEntry;
  establishment: { layerId: string; featureId: string; name: string };
  inspectorName: string;
  today: string;
  onDone: (result: RecordResult) => void;
  onCancel: () => void;
}

type PositionCheck = { status: 'checking' } | { status: 'unavailable' } | { status: 'measured'; metres: number };

/**
 * The form that records an inspection of an establishment: date, score, grade, findings chosen from the
 * registry's list, outcome, follow-up date and notes; the device's position compared with the
 * establishment's place. Saved through the outbox: kept on the device first, then sent.
 */
export function RecordInspectionDialog({ inspections, establishments, establishment: initial, inspectorName, today, onDone, onCancel }: RecordInspectionDialogProps) {
  const messages = useMessages(RECORD_MESSAGES);
  const { language } = useI18n();
  const outbox = useOutbox();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [draft, setDraft] = useState<InspectionDraft>(() => emptyDraft(today));
  const [shownIssues, setShownIssues] = useState<DraftIssue[]>([]);
  const [isSaving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<OutboxProblem | null>(null);
  const [position, setPosition] = useState<PositionCheck>({ status: 'checking' });
  const [establishment, setEstablishment] = useState(initial);
  const property = (name: string) => inspections.properties.find((candidate) => candidate.name === name);
  const set = (change: Partial<InspectionDraft>) => setDraft((current) => ({ ...current, ...change }));

  useEffect(() => {
    dialogRef.current?.showModal();
    const controller = new AbortController();
    const place = fetchFeature(initial.layerId, initial.featureId, controller.signal).then(
      (feature) => {
        // Its name as the card shows it, for the form's title and the queue.
        setEstablishment((current) => ({ ...current, name: describeTitle(establishments, feature.properties, feature.id, language) }));
        return feature.geometry?.type === 'Point' ? ({ longitude: feature.geometry.coordinates[0]!, latitude: feature.geometry.coordinates[1]! } as LonLat) : null;
      },
      () => null,
    );
    void Promise.all([currentPosition(), place]).then(([device, target]) => {
      if (controller.signal.aborted) return;
      setPosition(device && target ? { status: 'measured', metres: distanceMetres(device, target) } : { status: 'unavailable' });
    });
    return () => controller.abort();
    // Measured once, when the form opens (a change of language does not measure again).
  }, [initial.layerId, initial.featureId, establishments, language]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const issues = draftIssues(draft);
    setShownIssues(issues);
    if (issues.length > 0 || isSaving) return;
    setSaving(true);
    setRefusal(null);
    const feature = inspectionFeature(draft, Number(establishment.featureId), inspectorName);
    const result = await outbox.record({ id: crypto.randomUUID(), layerId: inspections.id, feature, parent: establishment });
    setSaving(false);
    if (result.kind === 'refused') setRefusal(result.problem);
    else onDone(result);
  };

  const metres = position.status === 'measured' ? `${new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 0 }).format(position.metres)} m` : '';
  const issue = (name: DraftIssue) => (shownIssues.includes(name) ? <p className="form-issue" id={`${id}-${name}-issue`}>{messages.invalid[name]}</p> : null);
  const describedBy = (name: DraftIssue) => (shownIssues.includes(name) ? `${id}-${name}-issue` : undefined);
  const enumOptions = (name: string) =>
    property(name)?.values?.map((entry) => (
      <option key={entry.value} value={entry.value}>
        {pickLabel(entry.label, language)}
      </option>
    ));

  return (
    <dialog ref={dialogRef} className="record-dialog" aria-labelledby={`${id}-title`} onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form className="record-form" onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`} className="record-form__title"><bdi>{messages.formTitle(establishment.name)}</bdi></h2>
        <p className={`record-form__position record-form__position--${position.status === 'measured' && position.metres > FAR_FROM_PLACE_M ? 'far' : 'ok'}`} role="status" data-position={position.status} data-far={position.status === 'measured' && position.metres > FAR_FROM_PLACE_M}>
          {position.status === 'checking' && messages.positionChecking}
          {position.status === 'unavailable' && messages.positionUnavailable}
          {position.status === 'measured' && (position.metres > FAR_FROM_PLACE_M ? messages.positionFar(metres) : messages.positionNear(metres))}
        </p>
        <div className="record-form__row">
          <label htmlFor={`${id}-date`}>{messages.date}</label>
          <input id={`${id}-date`} name="inspected_on" type="date" required max={today} value={draft.inspectedOn} aria-invalid={shownIssues.includes('date')} aria-describedby={describedBy('date')} onChange={(event) => set({ inspectedOn: event.target.value })} />
          {issue('date')}
        </div>
        <div className="record-form__row record-form__row--half">
          <label htmlFor={`${id}-score`}>{messages.scoreLabel}</label>
          <input id={`${id}-score`} name="score" type="number" inputMode="numeric" min={0} max={100} step={1} required value={draft.score} aria-invalid={shownIssues.includes('score')} aria-describedby={describedBy('score')} onChange={(event) => set({ score: event.target.value })} />
          {issue('score')}
        </div>
        <div className="record-form__row record-form__row--half">
          <label htmlFor={`${id}-grade`}>{messages.grade}</label>
          <select id={`${id}-grade`} name="grade" required value={draft.grade} aria-invalid={shownIssues.includes('grade')} aria-describedby={describedBy('grade')} onChange={(event) => set({ grade: event.target.value })}>
            <option value="" />
            {enumOptions('grade')}
          </select>
          {issue('grade')}
        </div>
        <fieldset className="record-form__violations">
          <legend>{messages.violations}</legend>
          {property('violations')?.values?.map((entry) => (
            <label key={entry.value} className="check-option">
              <input
                type="checkbox"
                name="violations"
                value={entry.value}
                checked={draft.violations.includes(entry.value)}
                onChange={(event) => set({ violations: event.target.checked ? [...draft.violations, entry.value] : draft.violations.filter((value) => value !== entry.value) })}
              />
              <span>{pickLabel(entry.label, language)}</span>
            </label>
          ))}
        </fieldset>
        <div className="record-form__row">
          <label htmlFor={`${id}-outcome`}>{messages.outcome}</label>
          <select id={`${id}-outcome`} name="outcome" required value={draft.outcome} aria-invalid={shownIssues.includes('outcome')} aria-describedby={describedBy('outcome')} onChange={(event) => set({ outcome: event.target.value })}>
            <option value="" />
            {enumOptions('outcome')}
          </select>
          {issue('outcome')}
        </div>
        <div className="record-form__row">
          <label htmlFor={`${id}-follow-up`}>{messages.followUpDate}</label>
          <input id={`${id}-follow-up`} name="follow_up_on" type="date" min={draft.inspectedOn} value={draft.followUpOn} aria-invalid={shownIssues.includes('followUp')} aria-describedby={describedBy('followUp')} onChange={(event) => set({ followUpOn: event.target.value })} />
          {issue('followUp')}
        </div>
        <div className="record-form__row">
          <label htmlFor={`${id}-notes`}>{messages.notes}</label>
          <textarea id={`${id}-notes`} name="notes" rows={3} maxLength={4000} value={draft.notes} onChange={(event) => set({ notes: event.target.value })} />
        </div>
        {refusal && (
          <div className="form-issue form-issue--block" role="alert">
            <p>{messages.refusedOnline}</p>
            <p><bdi>{refusal.detail ?? refusal.type}</bdi></p>
          </div>
        )}
        <div className="record-form__actions">
          <button type="button" className="button button--quiet" onClick={onCancel}>{messages.cancel}</button>
          <button type="submit" className="button" disabled={isSaving}>{isSaving ? messages.saving : messages.save}</button>
        </div>
      </form>
    </dialog>
  );
}
