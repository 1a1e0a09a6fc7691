import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { plural } from '../i18n/plural.ts';
import { describeLeg, type ItineraryBadge, itineraryBadges, summarizeItinerary } from './journey-format.ts';
import { JOURNEY_MESSAGES } from './journey-messages.ts';
import { LineBadge } from './line-badge.tsx';
import type { Itinerary, Leg } from './mobility-api.ts';
import type { Journey } from './use-journey.ts';

/** A leg told apart from the others of its itinerary: its mode, vehicle and time. */
const legKey = (leg: Leg) => `${leg.mode}-${leg.mode === 'walk' ? '' : leg.routeId}-${leg.departure}`;

/** An itinerary told apart from the others of the answer: the sequence of its legs. */
const itineraryKey = (itinerary: Itinerary) => itinerary.legs.map(legKey).join('/');

/**
 * The answers of a journey search: every itinerary worth taking (none arrives earlier with as few changes
 * and as little walking), each with its times, length, changes, walking and vehicles; the chosen one is drawn
 * on the map and told step by step.
 */
export function JourneyResults({ journey }: { journey: Journey }) {
  const { language } = useI18n();
  const messages = useMessages(JOURNEY_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const { plan } = journey;
  if (!journey.from || !journey.to) return <p className="transit-card__note journey-results__hint">{messages.needBothPlaces}</p>;
  if (plan.status === 'loading' || plan.status === 'idle') {
    return (
      <p className="journey-results__status" role="status">
        <span className="spinner spinner--small" aria-hidden="true" />
        {messages.loading}
      </p>
    );
  }
  if (plan.status === 'failed') {
    return (
      <div className="transit-card__problem" role="alert" data-error-type={plan.error.type}>
        <p>{messages.problems[plan.error.type] ?? messages.problems.default}</p>
        {plan.error.type !== 'no-journey' && plan.error.type !== 'outside-region' && (
          <button type="button" className="button button--quiet" onClick={journey.retry}>
            {common.retry}
          </button>
        )}
      </div>
    );
  }
  const itineraries = plan.value.itineraries;
  const badges = itineraryBadges(itineraries);
  return (
    <section className="journey-results" aria-labelledby="journey-results-title" data-count={itineraries.length}>
      <h2 id="journey-results-title" className="transit-section__heading" tabIndex={-1}>
        {messages.resultsHeading}
        <span className="journey-results__count">{plural(language, itineraries.length, messages.resultsCount)}</span>
      </h2>
      <ol className="journey-results__list">
        {itineraries.map((itinerary, index) => (
          <li key={itineraryKey(itinerary)} className="journey-results__item">
            <ItineraryCard itinerary={itinerary} index={index} isSelected={index === journey.selected} badges={badges[index] ?? []} onSelect={() => journey.select(index)} />
            {index === journey.selected && <ItinerarySteps itinerary={itinerary} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

interface ItineraryCardProps {
  itinerary: Itinerary;
  index: number;
  isSelected: boolean;
  badges: readonly ItineraryBadge[];
  onSelect: () => void;
}

function ItineraryCard({ itinerary, index, isSelected, badges, onSelect }: ItineraryCardProps) {
  const { language } = useI18n();
  const messages = useMessages(JOURNEY_MESSAGES);
  const summary = summarizeItinerary(itinerary, language, messages);
  return (
    <button type="button" className="itinerary" aria-pressed={isSelected} data-itinerary={index} onClick={onSelect}>
      <span className="visually-hidden">{messages.showItinerary(index + 1)}</span>
      <span className="itinerary__times">
        {/* Not isolated: in Arabic the times read right to left, the arrow pointing to the arrival. */}
        <span className="itinerary__clock">{messages.fromTo(summary.departure, summary.arrival)}</span>
        {summary.arrivalDay && <span className="itinerary__day">{summary.arrivalDay}</span>}
        <span className="itinerary__duration">{summary.duration}</span>
      </span>
      <span className="itinerary__rides">
        {summary.rides.length === 0 ? <span className="itinerary__walk-only">{messages.walkOnly}</span> : summary.rides.map((ride) => <LineBadge key={ride.key} name={ride.line} colour={ride.colour} textColour={ride.textColour} />)}
      </span>
      <span className="itinerary__facts">
        <span data-fact="changes">{summary.changes}</span>
        <span data-fact="walking">{summary.walking}</span>
      </span>
      {badges.length > 0 && (
        <span className="itinerary__badges">
          {badges.map((badge) => (
            <span key={badge} className="itinerary__badge" data-badge={badge}>
              {messages.badges[badge]}
            </span>
          ))}
        </span>
      )}
    </button>
  );
}

function ItinerarySteps({ itinerary }: { itinerary: Itinerary }) {
  const { language } = useI18n();
  const messages = useMessages(JOURNEY_MESSAGES);
  return (
    <ol className="itinerary-steps">
      {itinerary.legs.map((leg) => {
        const step = describeLeg(leg, language, messages);
        return (
          <li key={legKey(leg)} className="itinerary-steps__step" data-mode={leg.mode}>
            <time className="itinerary-steps__time" dateTime={leg.departure}>
              {step.time}
            </time>
            <span className="itinerary-steps__text">
              {leg.mode !== 'walk' && <LineBadge name={leg.routeShortName} colour={leg.colour} textColour={leg.textColour} />}
              <bdi>{step.text}</bdi>
              {step.detail && <span className="itinerary-steps__detail">{step.detail}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
