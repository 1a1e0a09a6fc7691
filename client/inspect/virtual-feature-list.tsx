import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { ListedFeature } from '../api/fetch-features.ts';

interface VirtualFeatureListProps {
  rows: readonly ListedFeature[];
  label: string;
  layerId: string;
  /** The id of the open feature, highlighted and scrolled to. */
  selectedId: string | null;
  renderRow: (row: ListedFeature) => ReactNode;
  onOpen: (row: ListedFeature) => void;
}

/** Height of a row in CSS pixels (two lines of text and their padding). */
const ROW_HEIGHT = 56;

/**
 * A list of thousands of features that draws only the rows in sight (TanStack Virtual), usable with the
 * keyboard as a listbox: Tab reaches it, the arrows, Home and End move through every row (scrolling it into
 * sight), Enter opens the row on the map. A click opens it too.
 */
export function VirtualFeatureList({ rows, label, layerId, selectedId, renderRow, onOpen }: VirtualFeatureListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const [activeIndex, setActiveIndex] = useState(0);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const selectedIndex = selectedId === null ? -1 : rows.findIndex((row) => String(row.id) === selectedId);

  // The feature opened on the map comes into sight in the list.
  useEffect(() => {
    if (selectedIndex < 0) return;
    setActiveIndex(selectedIndex);
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const active = Math.min(activeIndex, Math.max(0, rows.length - 1));
  const move = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: rows.length - 1, PageDown: active + page, PageUp: active - page };
    if (event.key in moves) {
      event.preventDefault();
      move(moves[event.key]!);
    } else if ((event.key === 'Enter' || event.key === ' ') && rows[active]) {
      event.preventDefault();
      onOpen(rows[active]);
    }
  };

  return (
    <div
      ref={scrollRef}
      className="feature-list"
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={rows.length > 0 ? `${baseId}-${active}` : undefined}
      data-layer-id={layerId}
      data-row-count={rows.length}
      style={{ height: `min(${rows.length * ROW_HEIGHT + 2}px, 52vh, 460px)` }}
      onKeyDown={onKeyDown}
    >
      <div className="feature-list__spacer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox owns the focus and the keys (aria-activedescendant); a click is the pointer's way to the same option.
            <div
              key={String(row.id)}
              id={`${baseId}-${item.index}`}
              tabIndex={-1}
              role="option"
              aria-selected={item.index === selectedIndex}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className="feature-list__row"
              data-active={item.index === active}
              data-feature-id={String(row.id)}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              onClick={() => {
                setActiveIndex(item.index);
                onOpen(row);
              }}
            >
              {renderRow(row)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
