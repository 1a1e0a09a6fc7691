import type { ReactNode } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { plural } from '../i18n/plural.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { localeOf } from '../i18n/language.ts';
import { useEditorContext, useEditorIssues, useEditorState } from './editor-context.tsx';
import { activeDraft, canSave, editorNetwork, type Tool } from './editor-state.ts';
import { unsavedChanges } from './model/edit-session.ts';
import { mergeCandidates } from './operations/merge-segments.ts';
import { PLAN_MESSAGES } from './plan-messages.ts';
import { SNAP_MIN_ZOOM } from './use-editor-map.ts';

/** Icons of the toolbar (24-unit boxes), drawn here so nothing is fetched. */
const ICONS = {
  draw: 'M4 20 20 4m-6 0h6v6M4 20h4',
  split: 'M4 12h6m4 0h6M12 4v4m0 8v4m-3-7 6-2',
  merge: 'M4 7h6l4 5-4 5H4m10-5h6',
  removeVertex: 'M4 18 10 8l10 10M7 8h6',
  delete: 'M6 7h12M9 7V5h6v2m-7 0 1 13h6l1-13',
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5m5 5H10a6 6 0 0 0 0 12h3',
  save: 'M5 4h11l3 3v13H5zM8 4v5h7V4M8 20v-6h8v6',
  help: 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14m0 3v.5M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18Z',
} as const;

function ToolButton(props: { icon: keyof typeof ICONS; label: string; shortcut: string; pressed?: boolean; disabled?: boolean; onClick: () => void; children?: ReactNode }) {
  return (
    <button
      type="button"
      className="map-button editor-toolbar__button"
      data-tool={props.icon}
      aria-pressed={props.pressed}
      aria-keyshortcuts={props.shortcut}
      disabled={props.disabled}
      title={`${props.label} (${props.shortcut})`}
      onClick={props.onClick}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path d={ICONS[props.icon]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="visually-hidden">{props.label}</span>
      {props.children}
    </button>
  );
}

/**
 * The editor's tools over the map, each also on the keyboard (its shortcut in its title and in the help):
 * draw, split, merge, remove a vertex, delete, undo, redo, save, help. A disabled tool says why in the hint.
 */
interface EditorToolbarProps {
  onDelete: () => void;
  onHelp: () => void;
  /** The map's zoom: below the snapping zoom the hint says to zoom in. */
  zoom: number;
  isMergeOpen: boolean;
  onMergeOpen: (isOpen: boolean) => void;
}

export function EditorToolbar({ onDelete, onHelp, zoom, isMergeOpen, onMergeOpen }: EditorToolbarProps) {
  const { editor, may, toolbar } = useEditorContext();
  const messages = useMessages(PLAN_MESSAGES);
  const { language } = useI18n();
  const state = useEditorState((value) => value);
  const issues = useEditorIssues();
  const active = activeDraft(state);
  const changeCount = unsavedChanges(state.session).length;
  const candidates = active ? mergeCandidates(active, editorNetwork(state), editor.editableNames) : [];
  const use = (tool: Tool) => editor.setTool(state.tool === tool ? 'select' : tool);
  // During a conflict the screen says what to do; the hint would only hide the two shapes on a phone.
  const hint = state.conflict ? null : state.tool === 'draw' ? messages.toolHints.draw : state.tool === 'split' ? messages.toolHints.split : state.tool === 'remove-vertex' ? messages.toolHints.removeVertex : active ? messages.toolHints.reshape : null;

  return (
    <div ref={toolbar} className="editor-toolbar" data-tool={state.tool} data-around={state.around.length} data-map-ready={state.isMapReady}>
      <div className="editor-toolbar__row" role="toolbar" aria-label={messages.toolbarLabel}>
        <ToolButton icon="draw" label={messages.tools.draw} shortcut="D" pressed={state.tool === 'draw'} disabled={!may.create} onClick={() => use('draw')} />
        <ToolButton icon="split" label={messages.tools.split} shortcut="X" pressed={state.tool === 'split'} disabled={!active || !may.update} onClick={() => use('split')} />
        <ToolButton icon="merge" label={messages.tools.merge} shortcut="M" pressed={isMergeOpen} disabled={!active || !may.update || !may.delete} onClick={() => onMergeOpen(!isMergeOpen)} />
        <ToolButton icon="removeVertex" label={messages.tools.removeVertex} shortcut="V" pressed={state.tool === 'remove-vertex'} disabled={!active || !may.update} onClick={() => use('remove-vertex')} />
        <ToolButton icon="delete" label={messages.tools.delete} shortcut="Delete" disabled={!active || !may.delete} onClick={onDelete} />
        <span className="editor-toolbar__gap" />
        <ToolButton icon="undo" label={messages.tools.undo} shortcut="Control+Z" disabled={state.session.history.done.length === 0} onClick={() => editor.undo()} />
        <ToolButton icon="redo" label={messages.tools.redo} shortcut="Control+Shift+Z" disabled={state.session.history.undone.length === 0} onClick={() => editor.redo()} />
        <ToolButton icon="save" label={messages.tools.save} shortcut="Control+S" disabled={!canSave(state, issues)} onClick={() => void editor.save()}>
          {changeCount > 0 && <span className="editor-toolbar__count">{new Intl.NumberFormat(localeOf(language)).format(changeCount)}</span>}
        </ToolButton>
        <ToolButton icon="help" label={messages.tools.help} shortcut="?" onClick={onHelp} />
      </div>
      {isMergeOpen && active && (
        <div className="editor-toolbar__menu">
          {candidates.length === 0 && <p>{messages.mergeNone}</p>}
          {candidates.map((candidate) => (
            <button key={candidate.key} type="button" className="button button--small" onClick={() => { editor.mergeWith(candidate.key);
              onMergeOpen(false); }}>
              {messages.mergeWith(messages.segment(candidate.id))}
            </button>
          ))}
        </div>
      )}
      {state.tool === 'draw' && (
        <label className="editor-toolbar__option">
          <input type="checkbox" checked={state.splitAtJunctions} onChange={(event) => editor.setSplitAtJunctions(event.target.checked)} />
          {messages.splitAtJunctions}
        </label>
      )}
      {(hint || state.notice || (state.tool !== 'select' && zoom < SNAP_MIN_ZOOM)) && (
        <p className="editor-toolbar__hint" role="status">
          {state.notice ? messages.notices[state.notice] : hint}
          {state.tool !== 'select' && zoom < SNAP_MIN_ZOOM && <span> {messages.zoomInToSnap}</span>}
        </p>
      )}
      <SaveStatus />
      <span className="visually-hidden" aria-live="polite">{changeCount > 0 ? plural(language, changeCount, messages.unsavedCount) : ''}</span>
    </div>
  );
}

function SaveStatus() {
  const messages = useMessages(PLAN_MESSAGES);
  const { language } = useI18n();
  const save = useEditorState((state) => state.save);
  if (save.status === 'idle') return null;
  if (save.status === 'saving') return <p className="editor-toolbar__status" role="status">{messages.saving}</p>;
  if (save.status === 'failed') {
    return <p className="editor-toolbar__status editor-toolbar__status--error" role="alert" data-error-type={save.error.type}>{messages.saveFailed(save.error.detail ?? save.error.title)}</p>;
  }
  return (
    <p className="editor-toolbar__status editor-toolbar__status--saved" role="status" data-saved={save.changeCount}>
      {plural(language, save.changeCount, messages.saved)}
      {save.warnings.length > 0 && ` ${messages.savedWarnings} ${save.warnings.map((warning) => warning.message[language] || warning.message.fr).join(' · ')}`}
    </p>
  );
}
