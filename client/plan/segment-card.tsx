import { type Ref, useId } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { AttributeForm } from './attribute-form.tsx';
import { useEditorContext, useEditorIssues, useEditorState, useLabel } from './editor-context.tsx';
import { activeDraft } from './editor-state.ts';
import { IssuesPanel } from './issues-panel.tsx';
import { unsavedChanges } from './model/edit-session.ts';
import { PLAN_MESSAGES } from './plan-messages.ts';
import { SegmentHistory } from './segment-history.tsx';

/**
 * The open segment, floating over the map: its name, its attributes to edit, its issues and, for a saved
 * one, its versions (a past one shown on the map or restored).
 */
export function SegmentCard({ ref }: { ref?: Ref<HTMLElement> }) {
  const { editor, entry, may } = useEditorContext();
  const messages = useMessages(PLAN_MESSAGES);
  const label = useLabel();
  const { language } = useI18n();
  const state = useEditorState((value) => value);
  const issues = useEditorIssues();
  const headingId = useId();
  const draft = activeDraft(state);
  if (!state.activeKey) return null;
  if (!draft) {
    return (
      <aside ref={ref} className="feature-details segment-card" aria-busy="true">
        <p className="segment-card__loading">{messages.opening}</p>
      </aside>
    );
  }
  const names = entry.nameProperties;
  // The name in the interface's script: the Arabic one in Arabic, the French one otherwise (each the other's fallback).
  const name = names ? (language === 'ar' ? (draft.properties[names.ar] ?? draft.properties[names.fr]) : (draft.properties[names.fr] ?? draft.properties[names.ar])) : null;
  const own = issues.filter((found) => found.key === draft.key);
  const hasChanges = unsavedChanges(state.session).some((change) => change.key === draft.key);
  const base = state.session.base.get(draft.key);
  return (
    <aside ref={ref} className="feature-details segment-card" aria-labelledby={headingId} data-key={draft.key} data-changed={hasChanges} data-tool={state.tool}>
      <header className="feature-details__header">
        <div>
          <p className="feature-details__layer">{label(entry.title)}</p>
          <h2 id={headingId} className="feature-details__title">
            {draft.id === null ? messages.newSegment : messages.segmentTitle(draft.id)}
            {typeof name === 'string' && (
              <span className="segment-card__name">
                {' · '}
                <bdi>{name}</bdi>
              </span>
            )}
          </h2>
        </div>
        <button type="button" className="icon-button" aria-label={messages.closeSegment} title={messages.closeSegment} onClick={() => editor.openKey(null)}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="segment-card__body">
        <AttributeForm key={draft.key} draft={draft} issues={own} readOnly={!may.update} />
        <IssuesPanel issues={own} headingId={`${headingId}-issues`} showsSegment={false} />
        {draft.id !== null && (
          <SegmentHistory
            reference={{ layerId: entry.id, featureId: String(draft.id) }}
            entry={entry}
            revision={base?.etag ?? ''}
            restoreBlocked={hasChanges || !base?.etag}
            {...(may.update ? { onRestore: (version: number) => editor.restore(version) } : {})}
          />
        )}
      </div>
    </aside>
  );
}
