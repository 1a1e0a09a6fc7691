import { useEffect, useId, useState } from 'react';
import { type SearchResult, searchPlaces } from '../api/search-places.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useMapController } from '../map/map-context.tsx';
import { useEditorContext, useLabel } from './editor-context.tsx';
import { PLAN_MESSAGES } from './plan-messages.ts';

/** Streets listed at most. */
const SEARCH_LIMIT = 8;

/** Typing pauses this long before the server is asked (milliseconds). */
const TYPING_PAUSE_MS = 250;

type SearchState = { status: 'idle' } | { status: 'loading' } | { status: 'done'; results: SearchResult[] } | { status: 'failed' };

/** Finds a road by name (French or Arabic, misspelt): a street shows its segments, one click opens one. */
export function SegmentSearch({ onOpen }: { onOpen: (id: number) => void }) {
  const { entry } = useEditorContext();
  const controller = useMapController();
  const messages = useMessages(PLAN_MESSAGES);
  const label = useLabel();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [street, setStreet] = useState<SearchResult | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) {
      setState({ status: 'idle' });
      return undefined;
    }
    const request = new AbortController();
    const timer = setTimeout(() => {
      setState({ status: 'loading' });
      searchPlaces({ text, layers: [entry.id], limit: SEARCH_LIMIT }, request.signal).then(
        (results) => setState({ status: 'done', results }),
        () => {
          if (!request.signal.aborted) setState({ status: 'failed' });
        },
      );
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      request.abort();
    };
  }, [query, entry.id]);

  const choose = (result: SearchResult) => {
    if (result.bbox) controller.fitBounds(result.bbox);
    const segments = result.segment_ids ?? [result.id];
    if (segments.length === 1) onOpen(segments[0]!);
    else setStreet(result);
  };

  return (
    <search className="segment-search">
      <label htmlFor={inputId} className="panel-heading">
        {messages.searchLabel}
      </label>
      <input
        id={inputId}
        type="search"
        className="segment-search__input"
        placeholder={messages.searchPlaceholder}
        value={query}
        dir="auto"
        onChange={(event) => {
          setQuery(event.target.value);
          setStreet(null);
        }}
      />
      {state.status === 'failed' && <p className="notice notice--error">{messages.searchFailed}</p>}
      {state.status === 'done' && state.results.length === 0 && <p className="side-panel__intro">{messages.searchNothing}</p>}
      {state.status === 'done' && !street && state.results.length > 0 && (
        <ul className="segment-search__results">
          {state.results.map((result) => (
            <li key={`${result.layer}-${result.id}`}>
              <button type="button" className="link-button" onClick={() => choose(result)}>
                <bdi>{label({ ...result.label, en: result.label.fr })}</bdi>
              </button>
            </li>
          ))}
        </ul>
      )}
      {street && (
        <div className="segment-search__segments">
          <p>{messages.segmentsOf(label({ ...street.label, en: street.label.fr }))}</p>
          <ul>
            {(street.segment_ids ?? []).map((id) => (
              <li key={id}>
                <button type="button" className="chip-button" data-segment-id={id} onClick={() => onOpen(id)}>
                  {messages.segment(id)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </search>
  );
}
