import { useId } from 'react';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { pickLabel } from '../i18n/pick-label.ts';
import { INSPECT_MESSAGES } from './inspect-messages.ts';

interface EnumSelectProps {
  layer: LayerCatalogEntry;
  property: string;
  value: string | null;
  onChange: (value: string | null) => void;
}

/** A filter on one enum property of a layer: its label and values from the catalog, in the language; "All" first. */
export function EnumSelect({ layer, property, value, onChange }: EnumSelectProps) {
  const id = useId();
  const { language } = useI18n();
  const messages = useMessages(INSPECT_MESSAGES);
  const definition = layer.properties.find((candidate) => candidate.name === property);
  if (!definition?.values) return null;
  return (
    <div className="filter-field">
      <label htmlFor={id}>{pickLabel(definition.label, language)}</label>
      <select id={id} name={property} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}>
        <option value="">{messages.anyValue}</option>
        {definition.values.map((entry) => (
          <option key={entry.value} value={entry.value}>
            {pickLabel(entry.label, language)}
          </option>
        ))}
      </select>
    </div>
  );
}
