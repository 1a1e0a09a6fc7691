import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { type SearchResult, searchPlaces } from '../api/search-places.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { pickLabel } from '../i18n/pick-label.ts';
import { TRANSIT_MESSAGES } from './transit-messages.ts';

/** Results appear once this many characters are typed, this long after the last key. */
const MIN_CHARACTERS = 2;
const TYPING_PAUSE_MS = 200;
const RESULTS = 8;

type SearchState = { status: 'idle' } | { status: 'searching' } | { status: 'done'; results: SearchResult[] } | { status: 'failed' };

interface PlaceSearchProps {
  label: string;
  /** Whether the label is shown, or only read out (the field's placeholder says the same). */
  isLabelShown?: boolean;
  placeholder: string;
  /** Layers to search (only layers the caller may read). */
  layers: readonly string[];
  /** Results near this point first (the map's centre), when it lies in the region. */
  near: { lon: number; lat: number } | undefined;
  /** The text shown in the field; a change from outside (a place picked on the map) replaces what was typed. */
  value: string;
  onChoose: (result: SearchResult) => void;
  /** `data-field` of the input, for styling and tests. */
  name: string;
  /** Takes the focus when it appears (the journey form's first empty place). */
  isFocusedFirst?: boolean;
}

/**
 * A search field with its suggestions (the ARIA combobox pattern): type a stop, a street, an area or a named
 * place, in French or Arabic; the arrows move through the suggestions, Enter chooses one, Escape closes them.
 */
export function PlaceSearch({ label, isLabelShown = false, placeholder, layers, near, value, onChoose, name, isFocusedFirst = false }: PlaceSearchProps) {
  const { language } = useI18n();
  const messages = useMessages(TRANSIT_MESSAGES);
  const id = useId();
  const [text, setText] = useState(value);
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [search, setSearch] = useState<SearchState>({ status: 'idle' });
  const layerKey = layers.join(',');
  // Read when a search starts: the map moving (a journey drawn) never reorders the suggestions being read.
  const nearRef = useRef(near);
  nearRef.current = near;

  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => setText(value), [value]);
  // Only when it appears: focus moved later would take the rider away from what they are doing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once, when the field appears.
  useEffect(() => {
    if (isFocusedFirst) inputRef.current?.focus();
  }, []);

  useEffect(() => {
    const query = text.trim();
    if (!isOpen || query.length < MIN_CHARACTERS || query === value) {
      setSearch({ status: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    setSearch({ status: 'searching' });
    const timer = setTimeout(() => {
      searchPlaces({ text: query, layers: layerKey.split(','), near: nearRef.current, limit: RESULTS }, controller.signal).then(
        (results) => {
          setSearch({ status: 'done', results });
          setActive(0);
        },
        () => {
          if (!controller.signal.aborted) setSearch({ status: 'failed' });
        },
      );
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, isOpen, value, layerKey]);

  const results = search.status === 'done' ? search.results : [];
  const isListShown = isOpen && results.length > 0;
  const choose = (result: SearchResult) => {
    setOpen(false);
    setText((language === 'ar' ? result.name.ar : result.name.fr) ?? result.name.fr ?? result.name.ar ?? '');
    onChoose(result);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (results.length > 0) setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (event.key === 'Enter' && isListShown) {
      event.preventDefault();
      choose(results[active] ?? results[0]!);
    } else if (event.key === 'Escape' && isOpen) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };
  const status =
    search.status === 'searching'
      ? messages.searching
      : search.status === 'failed'
        ? messages.searchFailed
        : search.status === 'done' && results.length === 0
          ? messages.noResult(text.trim())
          : '';

  return (
    <div className="place-search" data-field={name}>
      <label htmlFor={`${id}-input`} className={isLabelShown ? 'place-search__label' : 'visually-hidden'}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className="place-search__input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        maxLength={100}
        aria-expanded={isListShown}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={isListShown ? `${id}-option-${active}` : undefined}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div id={`${id}-list`} className="place-search__results" role="listbox" aria-label={messages.resultsLabel} hidden={!isListShown}>
        {results.map((result, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the field keeps the focus and handles the keys (aria-activedescendant).
          <div
            key={`${result.layer}/${result.id}`}
            id={`${id}-option-${index}`}
            className="place-search__result"
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            data-layer-id={result.layer}
            data-feature-id={result.id}
            // mousedown, not click: the field keeps the focus, so the list is still there for the click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(result)}
          >
            <bdi className="place-search__name">{language === 'ar' ? result.label.ar : result.label.fr}</bdi>
            <span className="place-search__kind">{pickLabel(result.subtype?.label ?? result.kind_label, language)}</span>
          </div>
        ))}
      </div>
      <p className={status ? 'place-search__status' : 'visually-hidden'} role="status">
        {status}
      </p>
    </div>
  );
}
