import { useEffect, useId, useState } from 'react';
import type { CatalogProperty } from '../api/layer-catalog.ts';
import { localiseUnit } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useEditorContext, useLabel } from './editor-context.tsx';
import type { SegmentDraft } from './model/segment-draft.ts';
import { PLAN_MESSAGES } from './plan-messages.ts';
import { checkProperties } from './validation/server-rules.ts';
import type { SegmentIssue } from './validation/segment-issue.ts';

/** A typed text as the API value: blank is null; numbers and booleans parsed (an unreadable number stays text, and is refused as such). */
function parseValue(property: CatalogProperty, text: string): unknown {
  if (text.trim() === '' && property.type !== 'string') return null;
  if (text === '') return null;
  if (property.type === 'integer' || property.type === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  if (property.type === 'boolean') return text === 'true';
  return text;
}

function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

interface FieldProps {
  property: CatalogProperty;
  draft: SegmentDraft;
  /** Issues of this field from the last check of the saved value (and from the server). */
  issues: readonly SegmentIssue[];
  readOnly: boolean;
  onCommit: (name: string, value: unknown) => void;
}

/** One field: checked by the server's rules as the planner types, written to the session on change or on leaving it. */
function Field({ property, draft, issues, readOnly, onCommit }: FieldProps) {
  const { entry } = useEditorContext();
  const messages = useMessages(PLAN_MESSAGES);
  const label = useLabel();
  const { language } = useI18n();
  const id = useId();
  const committed = textOf(draft.properties[property.name]);
  const [text, setText] = useState(committed);
  useEffect(() => setText(committed), [committed]);
  const typed = text === committed ? [] : checkProperties({ ...draft, properties: { ...draft.properties, [property.name]: parseValue(property, text) } }, entry);
  const shown = text === committed ? issues : typed.filter((found) => found.pointer === `/properties/${property.name}`);
  const commit = (value = text) => {
    if (value !== committed) onCommit(property.name, parseValue(property, value));
  };
  const common = {
    id,
    name: property.name,
    disabled: readOnly,
    'aria-invalid': shown.length > 0,
    'aria-describedby': shown.length > 0 ? `${id}-issues` : undefined,
    'aria-required': property.isRequired === true,
  };
  const options = property.type === 'enum' ? (property.values ?? []).map((value) => ({ value: value.value, label: label(value.label) })) : property.type === 'boolean' ? [{ value: 'true', label: messages.formYes }, { value: 'false', label: messages.formNo }] : null;
  return (
    <div className="form-field attribute-form__field" data-property={property.name} data-invalid={shown.length > 0}>
      <label htmlFor={id}>
        {label(property.label)}
        {property.unit && ` (${localiseUnit(property.unit, language)})`}
        {property.isRequired && <span className="attribute-form__required"> · {messages.formRequired}</span>}
      </label>
      {options ? (
        <select
          {...common}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            commit(event.target.value);
          }}
        >
          <option value="">{property.isUnknownWhenNull ? messages.formUnknown : messages.formEmpty}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={property.type === 'date' ? 'date' : property.type === 'integer' || property.type === 'number' ? 'number' : 'text'}
          inputMode={property.type === 'integer' ? 'numeric' : property.type === 'number' ? 'decimal' : undefined}
          step={property.type === 'integer' ? 1 : property.type === 'number' ? 'any' : undefined}
          min={property.min}
          max={property.type === 'string' ? undefined : property.max}
          dir={property.name === entry.nameProperties?.ar ? 'rtl' : property.name === entry.nameProperties?.fr ? 'ltr' : 'auto'}
          lang={property.name === entry.nameProperties?.ar ? 'ar' : property.name === entry.nameProperties?.fr ? 'fr' : undefined}
          placeholder={property.isUnknownWhenNull ? messages.formUnknown : undefined}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => commit()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
      )}
      {shown.length > 0 && (
        <ul id={`${id}-issues`} className="attribute-form__issues">
          {shown.map((found) => (
            <li key={found.code} data-code={found.code}>
              {label(found.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The segment's attributes as the catalog describes them (types, required values, lists, bounds), French and
 * Arabic names side by side. Read-only values (maintained by the server) are shown, not editable.
 */
export function AttributeForm({ draft, issues, readOnly }: { draft: SegmentDraft; issues: readonly SegmentIssue[]; readOnly: boolean }) {
  const { editor, entry } = useEditorContext();
  const messages = useMessages(PLAN_MESSAGES);
  const { language } = useI18n();
  const names = entry.nameProperties;
  const editable = entry.properties.filter((property) => property.isEditable !== false);
  const issuesOf = (name: string) => issues.filter((found) => found.key === draft.key && found.pointer === `/properties/${name}`);
  const field = (property: CatalogProperty) => (
    <Field key={property.name} property={property} draft={draft} issues={issuesOf(property.name)} readOnly={readOnly} onCommit={(name, value) => editor.setValues({ [name]: value })} />
  );
  // French and Arabic names side by side, the interface's language first (on the right in Arabic).
  const nameOrder = names ? (language === 'ar' ? [names.ar, names.fr] : [names.fr, names.ar]) : [];
  const nameFields = nameOrder.flatMap((name) => editable.filter((property) => property.name === name));
  return (
    <form className="attribute-form" aria-label={messages.formHeading} onSubmit={(event) => event.preventDefault()}>
      {nameFields.length > 0 && <div className="attribute-form__names">{nameFields.map(field)}</div>}
      {editable.filter((property) => !nameFields.includes(property)).map(field)}
    </form>
  );
}
