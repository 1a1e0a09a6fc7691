import { useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useMapController } from '../map/map-context.tsx';
import { differingFields, initialChoices } from './conflict-resolution.ts';
import { useEditorContext, useEditorState, useLabel } from './editor-context.tsx';
import { draftBounds, isSameDraft } from './model/segment-draft.ts';
import { PLAN_MESSAGES } from './plan-messages.ts';
import { usePreviewOverlay } from './use-preview-overlay.ts';

function shown(value: unknown, empty: string): string {
  return value === null || value === undefined || value === '' ? empty : String(value);
}

/**
 * The conflict screen: someone saved the segment first. Both versions side by side (attributes as a table,
 * both shapes on the map), and the choice: keep mine, take theirs, or merge field by field. Nothing is
 * written until the planner saves again.
 */
export function ConflictDialog() {
  const { editor, entry, card, toolbar } = useEditorContext();
  const controller = useMapController();
  const messages = useMessages(PLAN_MESSAGES);
  const label = useLabel();
  const conflict = useEditorState((state) => state.conflict);
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  // Null until the planner picks a side for the geometry: it starts where initialChoices puts it.
  const [geometryChoice, setGeometry] = useState<'mine' | 'theirs' | null>(null);
  const headingId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setChoices({});
    setGeometry(null);
    if (!conflict) return;
    dialog.current?.focus();
    // Both shapes in the part of the map the panel leaves free.
    const drafts = [conflict.mine, conflict.theirs].filter((draft) => draft !== null);
    const boxes = drafts.map(draftBounds);
    if (boxes.length > 0) {
      controller.edits.fitBeside(
        [Math.min(...boxes.map((box) => box[0])), Math.min(...boxes.map((box) => box[1])), Math.max(...boxes.map((box) => box[2])), Math.max(...boxes.map((box) => box[3]))],
        [dialog.current, card.current, toolbar.current],
      );
    }
  }, [conflict, controller, card, toolbar]);
  usePreviewOverlay(
    conflict
      ? [...(conflict.theirs ? [{ role: 'theirs' as const, geometry: conflict.theirs.geometry }] : []), ...(conflict.mine ? [{ role: 'mine' as const, geometry: conflict.mine.geometry }] : [])]
      : null,
  );
  if (!conflict) return null;
  const { mine, theirs } = conflict;
  const id = Number(conflict.key.split('/').at(-1));
  const names = mine && theirs ? differingFields(mine, theirs, editor.editableNames) : [];
  const isReshaped = mine && theirs ? !isSameDraft({ ...mine, properties: {} }, { ...theirs, properties: {} }) : false;
  const propertyLabel = (name: string) => {
    const property = entry.properties.find((candidate) => candidate.name === name);
    return property ? label(property.label) : name;
  };
  const valueLabel = (name: string, value: unknown) => {
    const property = entry.properties.find((candidate) => candidate.name === name);
    const option = property?.values?.find((candidate) => candidate.value === value);
    return option ? label(option.label) : shown(value, property?.isUnknownWhenNull ? messages.formUnknown : messages.formEmpty);
  };
  const initial = mine && theirs ? initialChoices(conflict.base, mine, theirs, editor.editableNames) : null;
  const side = (name: string) => choices[name] ?? initial?.fields[name] ?? 'mine';
  const geometry = geometryChoice ?? initial?.geometry ?? 'mine';
  return (
    // Not modal: the planner may move the map to compare the two shapes; saving waits for the choice.
    <div ref={dialog} className="conflict-dialog" role="dialog" aria-labelledby={headingId} tabIndex={-1} data-key={conflict.key}>
      <h2 id={headingId}>{messages.conflictTitle}</h2>
      <p>{messages.conflictIntro(messages.segment(id))}</p>
      {!theirs && <p className="notice notice--error">{messages.conflictDeleted}</p>}
      {mine && theirs && (
        <table className="conflict-dialog__table">
          <thead>
            <tr>
              <th scope="col">{messages.conflictField}</th>
              <th scope="col">{messages.conflictMine}</th>
              <th scope="col">{messages.conflictTheirs}</th>
            </tr>
          </thead>
          <tbody>
            {isReshaped && (
              <tr data-field="geometry">
                <th scope="row">{messages.conflictGeometry}</th>
                {(['mine', 'theirs'] as const).map((which) => (
                  <td key={which}>
                    <label>
                      <input type="radio" name={`${headingId}-geometry`} checked={geometry === which} onChange={() => setGeometry(which)} /> {messages.conflictDiffers}
                    </label>
                  </td>
                ))}
              </tr>
            )}
            {names.map((name) => (
              <tr key={name} data-field={name}>
                <th scope="row">{propertyLabel(name)}</th>
                {(['mine', 'theirs'] as const).map((which) => (
                  <td key={which}>
                    <label>
                      <input type="radio" name={`${headingId}-${name}`} value={which} checked={side(name) === which} onChange={() => setChoices({ ...choices, [name]: which })} />{' '}
                      <bdi>{valueLabel(name, (which === 'mine' ? mine : theirs).properties[name])}</bdi>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {conflict.base && names.length + (isReshaped ? 1 : 0) > 0 && <p className="conflict-dialog__note">{messages.conflictChoicesNote}</p>}
      <p className="conflict-dialog__note">{messages.conflictMapNote}</p>
      <div className="conflict-dialog__actions">
        <button type="button" className="button" data-choice="mine" onClick={() => editor.resolveConflict({ kind: 'mine' })}>
          {messages.keepMine}
        </button>
        <button type="button" className="button" data-choice="theirs" onClick={() => editor.resolveConflict({ kind: 'theirs' })}>
          {messages.takeTheirs}
        </button>
        {mine && theirs && (
          <button
            type="button"
            className="button"
            data-choice="merge"
            onClick={() => editor.resolveConflict({ kind: 'merge', fields: Object.fromEntries(names.map((name) => [name, side(name)])), geometry })}
          >
            {messages.mergeChoices}
          </button>
        )}
      </div>
    </div>
  );
}
