import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../api/search-places.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { Language } from '../i18n/language.ts';
import { casablancaLocalTime, nameIn } from './journey-format.ts';
import { JOURNEY_MESSAGES, type JourneyMessages } from './journey-messages.ts';
import type { JourneyTime } from './mobility-api.ts';
import { PlaceSearch } from './place-search.tsx';
import type { Endpoint, EndpointRole, Journey } from './use-journey.ts';

/** Why the device's position was not used (the Geolocation API's refusals, or a position outside the region). */
export type PositionProblem = keyof JourneyMessages['positionProblems'];

interface JourneyFormProps {
  journey: Journey;
  /** Layers a journey's places are searched in. */
  layers: readonly string[];
  near: { lon: number; lat: number } | undefined;
  /** The role whose place is being picked on the map, if any. */
  picking: EndpointRole | null;
  onPick: (role: EndpointRole) => void;
  onMyPosition: (role: EndpointRole) => void;
  isLocating: boolean;
  positionProblem: PositionProblem | null;
  onClose: () => void;
}

/** The phone layout's breakpoint (transit.css). */
const NARROW_SCREEN = '(max-width: 720px)';

/** An endpoint's text in the field: the place's name, or what it is (a point on the map, my position). */
function endpointText(endpoint: Endpoint | null, language: Language, messages: JourneyMessages): string {
  if (!endpoint) return '';
  if (endpoint.source === 'device') return messages.myPosition;
  if (endpoint.source === 'map' || !endpoint.name) return messages.pickedPlace;
  return nameIn(endpoint.name, language);
}

/**
 * The journey planner's form: where from and where to (typed and chosen among suggestions, picked on the
 * map, or the device's position), swapped with one button, and when (now, leave at, arrive by). The
 * itineraries are asked for as soon as both places are known; the button asks again.
 */
export function JourneyForm({ journey, layers, near, picking, onPick, onMyPosition, isLocating, positionProblem, onClose }: JourneyFormProps) {
  const { language } = useI18n();
  const messages = useMessages(JOURNEY_MESSAGES);
  const [isFolded, setFolded] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const hasJourneys = journey.plan.status === 'loaded';
  // The form opens on the place still to choose.
  const [firstEmpty] = useState<EndpointRole | null>(() => (!journey.from ? 'from' : !journey.to ? 'to' : null));
  // On a phone the journeys found get the room: the form folds into one line until the rider changes it,
  // and the keyboard's focus, if it was in the form, goes to the journeys.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new answer (`journey.plan`) folds the form again.
  useEffect(() => {
    if (!hasJourneys || !window.matchMedia(NARROW_SCREEN).matches) return;
    const hadFocus = formRef.current?.contains(document.activeElement) ?? false;
    setFolded(true);
    if (hadFocus) requestAnimationFrame(() => document.getElementById('journey-results-title')?.focus());
  }, [hasJourneys, journey.plan]);
  const choose = (role: EndpointRole) => (result: SearchResult) =>
    journey.setEndpoint(role, { position: [result.lon, result.lat], name: { fr: result.name.fr ?? result.name.ar ?? '', ar: result.name.ar ?? result.name.fr ?? '' }, source: 'place' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (journey.from && journey.to) journey.retry();
  };
  const setTimeKind = (kind: JourneyTime['kind']) =>
    journey.setTime(kind === 'now' ? { kind } : { kind, localTime: journey.time.kind === 'now' ? casablancaLocalTime(Date.now()) : journey.time.localTime });

  const field = (role: EndpointRole) => (
    <div className="endpoint" data-role={role}>
      <span className="endpoint__marker" aria-hidden="true" />
      <PlaceSearch
        name={role}
        label={role === 'from' ? messages.from : messages.to}
        isLabelShown
        placeholder={role === 'from' ? messages.fromPlaceholder : messages.toPlaceholder}
        layers={layers}
        near={near}
        value={endpointText(role === 'from' ? journey.from : journey.to, language, messages)}
        onChoose={choose(role)}
        isFocusedFirst={role === firstEmpty}
      />
      <div className="endpoint__tools">
        <button type="button" className="tool-button" aria-pressed={picking === role} data-action="pick" onClick={() => onPick(role)} title={messages.pickOnMap}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7Zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5Z" fill="currentColor" />
          </svg>
          <span className="visually-hidden">{`${messages.pickOnMap} (${role === 'from' ? messages.from : messages.to})`}</span>
        </button>
        {role === 'from' && (
          <button type="button" className="tool-button" data-action="my-position" disabled={isLocating} onClick={() => onMyPosition(role)} title={messages.myPosition}>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path d="M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8Zm9 3h-2.1A7 7 0 0 0 13 5.1V3h-2v2.1A7 7 0 0 0 5.1 11H3v2h2.1a7 7 0 0 0 5.9 5.9V21h2v-2.1a7 7 0 0 0 5.9-5.9H21v-2Zm-9 6a5 5 0 1 1 0-10 5 5 0 0 1 0 10Z" fill="currentColor" />
            </svg>
            <span className="visually-hidden">{messages.myPosition}</span>
          </button>
        )}
      </div>
    </div>
  );

  if (isFolded && hasJourneys) {
    return (
      <section className="journey-form journey-form--folded" aria-labelledby="journey-form-title">
        <h2 id="journey-form-title" className="visually-hidden">
          {messages.heading}
        </h2>
        <p className="journey-form__summary">
          <bdi>{endpointText(journey.from, language, messages)}</bdi>
          <span aria-hidden="true">{language === 'ar' ? ' ← ' : ' → '}</span>
          <bdi>{endpointText(journey.to, language, messages)}</bdi>
        </p>
        <button type="button" className="button button--quiet button--small" data-action="edit-journey" onClick={() => setFolded(false)}>
          {messages.edit}
        </button>
        <button type="button" className="icon-button" aria-label={messages.close} title={messages.close} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </section>
    );
  }

  return (
    <form ref={formRef} className="journey-form" aria-labelledby="journey-form-title" onSubmit={submit}>
      <div className="journey-form__header">
        <h2 id="journey-form-title" className="journey-form__title">
          {messages.heading}
        </h2>
        <button type="button" className="icon-button" aria-label={messages.close} title={messages.close} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="journey-form__places">
        {field('from')}
        {field('to')}
        <button type="button" className="tool-button journey-form__swap" onClick={journey.swap} title={messages.swap} disabled={!journey.from && !journey.to}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path d="M7 3 3 7l4 4V8h9V6H7V3Zm10 10v3H8v2h9v3l4-4-4-4Z" fill="currentColor" transform="rotate(90 12 12)" />
          </svg>
          <span className="visually-hidden">{messages.swap}</span>
        </button>
      </div>
      {isLocating && <p className="journey-form__note" role="status">{messages.locating}</p>}
      {positionProblem && (
        <p className="journey-form__problem" role="alert" data-problem={positionProblem}>
          {messages.positionProblems[positionProblem]}
        </p>
      )}
      <div className="journey-form__footer">
        <label className="journey-form__label">
          <span>{messages.when}</span>
          <select value={journey.time.kind} onChange={(event) => setTimeKind(event.currentTarget.value as JourneyTime['kind'])}>
            {(['now', 'depart', 'arriveBy'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {messages.timeChoices[kind]}
              </option>
            ))}
          </select>
        </label>
        {journey.time.kind !== 'now' && (
          <label className="journey-form__label">
            <span className="visually-hidden">{messages.dateTime}</span>
            <input
              type="datetime-local"
              required
              value={journey.time.localTime}
              onChange={(event) => {
                const localTime = event.currentTarget.value;
                if (localTime && journey.time.kind !== 'now') journey.setTime({ kind: journey.time.kind, localTime });
              }}
            />
          </label>
        )}
        <button type="submit" className="button journey-form__submit">
          {messages.submit}
        </button>
      </div>
    </form>
  );
}
