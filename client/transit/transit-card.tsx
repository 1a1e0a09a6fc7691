import { type RefObject, useEffect } from 'react';
import type { ApiError } from '../api/api-error.ts';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import type { BilingualName, Position } from './mobility-api.ts';
import { TRANSIT_MESSAGES } from './transit-messages.ts';

/** A place a journey may start or end at, from a card (a stop, a searched place). */
export interface JourneyPlace {
  position: Position;
  name: BilingualName | null;
}

/** What a card offers for journeys: leave from its place, or go there. */
export interface EndpointActions {
  onFrom: (place: JourneyPlace) => void;
  onTo: (place: JourneyPlace) => void;
}

interface CardHeaderProps {
  titleId: string;
  titleRef: RefObject<HTMLHeadingElement | null>;
  /** What the card is about ("Tramway", "Ligne", "Rue"). */
  kind: string;
  title: string;
  onBack: () => void;
  /** A new value moves the focus to the title, when the card was opened from the panel (useCardFocus). */
  focusKey: string;
}

/** Set when the rider opened the next card from the panel itself: the pressed button goes with its card. */
let isCardFocusRequested = false;

/** The next card to open takes the keyboard focus (its title), as a page would on a new view. */
export function requestCardFocus(): void {
  isCardFocusRequested = true;
}

/**
 * Moves the focus to `target` when a card opens after requestCardFocus (a list's button, a back button):
 * keyboard and screen reader users land on what opened. A card opened from the map, the search or a link
 * leaves the focus where it is.
 */
export function useCardFocus(target: RefObject<HTMLElement | null>, key: string): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new card (`key`) may take the focus.
  useEffect(() => {
    if (!isCardFocusRequested) return;
    isCardFocusRequested = false;
    target.current?.focus();
  }, [key, target]);
}

/** The top of a card of the transit panel: back to what was shown before, and its title. */
export function CardHeader({ titleId, titleRef, kind, title, onBack, focusKey }: CardHeaderProps) {
  const messages = useMessages(TRANSIT_MESSAGES);
  useCardFocus(titleRef, focusKey);
  return (
    <header className="transit-card__header">
      <button
        type="button"
        className="transit-card__back"
        onClick={() => {
          requestCardFocus();
          onBack();
        }}
      >
        <span aria-hidden="true" className="transit-card__back-arrow">
          ‹
        </span>
        {messages.back}
      </button>
      {kind && <p className="transit-card__kind">{kind}</p>}
      <h2 id={titleId} ref={titleRef} className="transit-card__title" tabIndex={-1}>
        <bdi>{title}</bdi>
      </h2>
    </header>
  );
}

/** A card's journey buttons: leave from its place, or go there (the journey form opens with it). */
export function JourneyButtons({ place, onFrom, onTo }: { place: JourneyPlace } & EndpointActions) {
  const messages = useMessages(TRANSIT_MESSAGES);
  return (
    <div className="transit-card__actions">
      <button type="button" className="button button--quiet" data-action="from-here" onClick={() => onFrom(place)}>
        {messages.fromHere}
      </button>
      <button type="button" className="button" data-action="to-here" onClick={() => onTo(place)}>
        {messages.toHere}
      </button>
    </div>
  );
}

/** Why a card could not load, with the request id support staff can trace, and a retry. */
export function CardProblem({ text, error, onRetry }: { text: string; error: ApiError; onRetry: () => void }) {
  const common = useMessages(COMMON_MESSAGES);
  return (
    <div className="transit-card__problem" role="alert" data-error-type={error.type}>
      <p>{text}</p>
      {error.requestId && (
        <p className="transit-card__note">
          <bdi>{common.errorReference(error.requestId)}</bdi>
        </p>
      )}
      <button type="button" className="button button--quiet" onClick={onRetry}>
        {common.retry}
      </button>
    </div>
  );
}
