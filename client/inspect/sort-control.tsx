import { useId } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { INSPECT_MESSAGES } from './inspect-messages.ts';
import type { SortOrder } from './workspace-url.ts';

interface SortControlProps<Key extends string> {
  keys: readonly Key[];
  labels: Record<Key, string>;
  order: SortOrder;
  onChange: (order: SortOrder) => void;
}

/** The list's order: a column to sort by, and a button that flips the direction (saying which it is). */
export function SortControl<Key extends string>({ keys, labels, order, onChange }: SortControlProps<Key>) {
  const messages = useMessages(INSPECT_MESSAGES);
  const id = useId();
  const direction = order.isDescending ? messages.descending : messages.ascending;
  return (
    <div className="sort-control">
      <label htmlFor={id}>{messages.sortBy}</label>
      <select id={id} name="sort" value={order.key} onChange={(event) => onChange({ key: event.target.value, isDescending: order.isDescending })}>
        {keys.map((key) => (
          <option key={key} value={key}>
            {labels[key]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="icon-button sort-control__direction"
        aria-label={`${labels[order.key as Key] ?? order.key}, ${direction}`}
        title={direction}
        data-descending={order.isDescending}
        onClick={() => onChange({ ...order, isDescending: !order.isDescending })}
      >
        <span aria-hidden="true">{order.isDescending ? '↓' : '↑'}</span>
      </button>
    </div>
  );
}
