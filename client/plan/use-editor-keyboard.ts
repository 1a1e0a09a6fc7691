import { useEffect } from 'react';
import type { EditorController } from './editor-controller.ts';
import { activeDraft, canSave, editorIssues, type Tool } from './editor-state.ts';

/** Whether a key press belongs to a text field (its own shortcuts: typing, undoing the typing). */
function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return element !== null && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

export interface KeyboardActions {
  editor: EditorController;
  /** The region and the city the checks judge a line against (the catalog). */
  area: Parameters<typeof editorIssues>[2];
  entry: Parameters<typeof editorIssues>[1];
  may: { create: boolean; update: boolean; delete: boolean };
  onDelete: () => void;
  onMerge: () => void;
  onHelp: () => void;
}

/**
 * The editor's shortcuts on the whole page (listed in the help panel): D draw, X split, M merge, V remove a
 * vertex, Delete delete, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Ctrl+S save, ? help, Escape back to
 * selecting then closing the segment. Keys typed into a field are the field's.
 */
export function useEditorKeyboard(actions: KeyboardActions): void {
  useEffect(() => {
    const { editor } = actions;
    const toggle = (tool: Tool) => editor.setTool(editor.store.get().tool === tool ? 'select' : tool);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || event.altKey) return;
      const state = editor.store.get();
      const hasActive = activeDraft(state) !== null;
      const key = event.key.toLowerCase();
      const isCommand = event.ctrlKey || event.metaKey;
      let handled = true;
      if (isCommand && key === 'z' && !event.shiftKey) editor.undo();
      else if (isCommand && ((key === 'z' && event.shiftKey) || key === 'y')) editor.redo();
      else if (isCommand && key === 's') {
        if (canSave(state, editorIssues(state, actions.entry, actions.area))) void editor.save();
      } else if (isCommand) handled = false;
      else if (key === 'd' && actions.may.create) toggle('draw');
      else if (key === 'x' && hasActive && actions.may.update) toggle('split');
      else if (key === 'v' && hasActive && actions.may.update) toggle('remove-vertex');
      else if (key === 'm' && hasActive) actions.onMerge();
      else if ((event.key === 'Delete' || event.key === 'Backspace') && hasActive && actions.may.delete) actions.onDelete();
      else if (event.key === '?') actions.onHelp();
      else if (event.key === 'Escape' && state.conflict === null) {
        if (state.tool !== 'select') editor.setTool('select');
        else if (state.activeKey) editor.openKey(null);
        else handled = false;
      } else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions]);
}
