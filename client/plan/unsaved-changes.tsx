import { useId, useState } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { plural } from '../i18n/plural.ts';
import { useEditorContext, useEditorIssues, useEditorState } from './editor-context.tsx';
import { canSave } from './editor-state.ts';
import { IssuesPanel } from './issues-panel.tsx';
import { unsavedChanges } from './model/edit-session.ts';
import { PLAN_MESSAGES } from './plan-messages.ts';

/**
 * The unsaved changes (each opens its segment), their issues, an optional reason, and the save button:
 * everything is sent as one change set.
 */
export function UnsavedChanges() {
  const { editor } = useEditorContext();
  const messages = useMessages(PLAN_MESSAGES);
  const { language } = useI18n();
  const state = useEditorState((value) => value);
  const issues = useEditorIssues();
  const [reason, setReason] = useState('');
  const headingId = useId();
  const reasonId = useId();
  const changes = unsavedChanges(state.session);
  const lastStep = state.session.history.done.at(-1);
  return (
    <section className="unsaved-changes" aria-labelledby={headingId} data-count={changes.length}>
      <h2 id={headingId} className="panel-heading">
        {messages.unsavedHeading}
      </h2>
      {changes.length === 0 ? (
        <p className="side-panel__intro">{messages.unsavedNone}</p>
      ) : (
        <>
          <p className="unsaved-changes__summary">
            {plural(language, changes.length, messages.unsavedCount)}
            {lastStep && ` · ${messages.lastStep(messages.steps[lastStep.kind])}`}
          </p>
          <ul className="unsaved-changes__list">
            {changes.map((change) => (
              <li key={change.key} data-key={change.key} data-kind={change.kind}>
                <button type="button" className="link-button" disabled={change.kind === 'delete'} onClick={() => editor.openKey(change.key)}>
                  {messages.changeKinds[change.kind]} · {change.key.startsWith('new-') ? messages.newSegment : messages.segmentTitle(change.base?.draft.id ?? 0)}
                </button>
              </li>
            ))}
          </ul>
          <IssuesPanel issues={issues} headingId={`${headingId}-issues`} />
          <div className="form-field">
            <label htmlFor={reasonId}>{messages.reasonLabel}</label>
            <input id={reasonId} type="text" maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
          <button
            type="button"
            className="button unsaved-changes__save"
            disabled={!canSave(state, issues)}
            onClick={() => void editor.save(reason.trim() || undefined).then(() => setReason(''))}
          >
            {messages.tools.save}
          </button>
        </>
      )}
    </section>
  );
}
