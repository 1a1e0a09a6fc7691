import { useId, useState } from 'react';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { AssignableArea } from './admin-api.ts';
import { ADMIN_MESSAGES } from './admin-messages.ts';

interface AreaPickerProps {
  legend: string;
  hint?: string;
  areas: AssignableArea[];
  initial: string[];
  /** Each change, for a picker inside a larger form. */
  onChange?: (codes: string[]) => void;
  /** Given for a picker that saves on its own (editing one account's districts). */
  onSave?: (codes: string[]) => Promise<void>;
  onCancel?: () => void;
}

/** The districts an account is confined to: a checkbox per area, grouped by level. */
export function AreaPicker({ legend, hint, areas, initial, onChange, onSave, onCancel }: AreaPickerProps) {
  const messages = useMessages(ADMIN_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const { language } = useI18n();
  const hintId = useId();
  const [codes, setCodes] = useState(initial);
  const [isSaving, setSaving] = useState(false);
  const toggle = (code: string, isChecked: boolean) => {
    const next = isChecked ? [...codes, code] : codes.filter((value) => value !== code);
    setCodes(next);
    onChange?.(next);
  };
  return (
    <fieldset className="area-picker" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="area-picker__hint">
          {hint}
        </p>
      )}
      <div className="area-picker__options">
        {areas.map((area) => (
          <label key={area.code} className="area-picker__option" data-level={area.level}>
            <input type="checkbox" value={area.code} checked={codes.includes(area.code)} onChange={(event) => toggle(area.code, event.currentTarget.checked)} />
            <span>{language === 'ar' && area.name_ar ? area.name_ar : area.name_fr}</span>
          </label>
        ))}
      </div>
      {onSave && (
        <div className="admin-form__actions">
          <button
            type="button"
            className="button button--small"
            disabled={isSaving}
            onClick={async () => {
              setSaving(true);
              try {
                await onSave(codes);
              } finally {
                setSaving(false);
              }
            }}
          >
            {isSaving ? messages.saving : messages.save}
          </button>
          <button type="button" className="button button--quiet button--small" onClick={onCancel}>
            {common.cancel}
          </button>
        </div>
      )}
    </fieldset>
  );
}
