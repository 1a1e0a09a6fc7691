import { useEffect, useRef } from 'react';
import { ApiError } from '../api/api-error.ts';
import { formatDistance } from '../i18n/format-distance.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { plural } from '../i18n/plural.ts';
import { useMapController } from '../map/map-context.tsx';
import type { Selection } from '../state/app-state.ts';
import { useServices } from '../state/services.tsx';
import { clockTime, formatDuration, nameIn } from './journey-format.ts';
import { JOURNEY_MESSAGES } from './journey-messages.ts';
import { LineBadge } from './line-badge.tsx';
import { boundsOf } from './bounds-of.ts';
import { type Departure, fetchStopDetails, type Position, type StopDetails } from './mobility-api.ts';
import { feedIdOf, STOPS_LAYER } from './transit-features.ts';
import { TRANSIT_MESSAGES } from './transit-messages.ts';
import { buildStopOverlay, STOP_OVERLAY_ID } from './transit-overlays.ts';
import { CardHeader, CardProblem, type EndpointActions, JourneyButtons } from './transit-card.tsx';
import { useRequest } from './use-request.ts';

/** Below this zoom a stop's walks are too small to read: opening it zooms in. */
const STOP_ZOOM = 14;
/** Room around the stop and its walks, for the labels of the connections. */
const STOP_PADDING_PX = 56;

interface StopPanelProps extends EndpointActions {
  selection: Selection;
  onBack: () => void;
  onOpenLine: (routeId: string) => void;
  onOpenStop: (stopId: string) => void;
}

/** The open stop's details: which stop, then from where and where to. */
async function loadStop(selection: Selection, signal: AbortSignal): Promise<StopDetails> {
  const stopId = await feedIdOf({ ...selection, layerId: STOPS_LAYER }, signal);
  if (!stopId) throw new ApiError({ status: 404, type: 'stop-not-found', title: 'Not found' });
  return fetchStopDetails(stopId, signal);
}

/**
 * A stop, as a rider asks about it: the lines serving it (each opens the line), the stops of other modes
 * within walking distance with the walk (drawn on the map as an overlay), and the next departures.
 */
export function StopPanel({ selection, onBack, onOpenLine, onOpenStop, onFrom, onTo }: StopPanelProps) {
  const controller = useMapController();
  const { language } = useI18n();
  const messages = useMessages(TRANSIT_MESSAGES);
  const journey = useMessages(JOURNEY_MESSAGES);
  const { state, retry } = useRequest(`${selection.layerId}/${selection.featureId}`, (signal) => loadStop(selection, signal));
  const details = state.status === 'loaded' ? state.value : null;
  const titleRef = useRef<HTMLHeadingElement>(null);
  const { state: appState } = useServices();
  const zoomRef = useRef<number | undefined>(undefined);
  zoomRef.current = appState.get().position?.zoom;
  const tileName = selection.tileProperties?.[language === 'ar' ? 'name_ar' : 'name_fr'];

  useEffect(() => {
    if (!details) return undefined;
    controller.overlays.set(buildStopOverlay(details, (seconds) => formatDuration(seconds, language, journey)));
    return () => controller.overlays.remove(STOP_OVERLAY_ID);
  }, [controller, details, language, journey]);

  // The stop and its connections in view, close enough to read the walks.
  useEffect(() => {
    if (!details) return;
    const walks = details.connections.flatMap((connection) => connection.geometry.coordinates as Position[]);
    const positions = [details.stop.position, ...details.connections.map((connection) => connection.stop.position), ...walks];
    const bounds = boundsOf(positions)!;
    if ((zoomRef.current ?? 0) < STOP_ZOOM) controller.fitBounds(bounds, { padding: STOP_PADDING_PX });
    else controller.reveal(bounds);
  }, [controller, details]);

  const title = details ? nameIn(details.stop.name, language) : typeof tileName === 'string' ? tileName : '';
  const place = details ? { position: details.stop.position, name: details.stop.name } : null;
  return (
    <section className="transit-card" data-card="stop" data-stop-id={details?.stop.id} aria-labelledby="transit-stop-title" aria-busy={state.status === 'loading'}>
      <CardHeader titleId="transit-stop-title" titleRef={titleRef} kind={details?.stop.mode ? messages.modes[details.stop.mode] : ''} title={title} onBack={onBack} focusKey={selection.featureId} />
      {state.status === 'failed' && <CardProblem text={messages.stopLoadFailed} error={state.error} onRetry={retry} />}
      {details && place && (
        <>
          <JourneyButtons place={place} onFrom={onFrom} onTo={onTo} />
          {details.stop.wheelchairBoarding === 1 && <p className="transit-card__note">{messages.accessible}</p>}
          <section className="transit-section" data-section="lines" aria-labelledby="transit-stop-lines">
            <h3 id="transit-stop-lines" className="transit-section__heading">
              {messages.linesHeading}
            </h3>
            <ul className="transit-list">
              {details.lines.map((line) => (
                <li key={line.id}>
                  <button type="button" className="transit-list__item" data-line-id={line.id} onClick={() => onOpenLine(line.id)}>
                    <LineBadge name={line.shortName} colour={line.colour} textColour={line.textColour} />
                    <span className="transit-list__text">
                      {line.directions.map((direction) => messages.towards(nameIn(direction.headsign ?? undefined, language))).join(' · ')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section className="transit-section" data-section="connections" aria-labelledby="transit-stop-connections">
            <h3 id="transit-stop-connections" className="transit-section__heading">
              {messages.connectionsHeading}
            </h3>
            {details.connections.length === 0 && <p className="transit-card__note">{messages.noConnections}</p>}
            <ul className="transit-list">
              {details.connections.map((connection) => (
                <li key={connection.stop.id}>
                  <button type="button" className="transit-list__item" data-stop-id={connection.stop.id} data-mode={connection.stop.mode} onClick={() => onOpenStop(connection.stop.id)}>
                    <span className="transit-list__mode">{connection.stop.mode ? messages.modes[connection.stop.mode] : ''}</span>
                    <span className="transit-list__text">
                      <bdi className="transit-list__title">{nameIn(connection.stop.name, language)}</bdi>
                      <bdi dir="ltr" className="transit-list__codes">{connection.lines.join(' · ')}</bdi>
                      <span className="transit-list__detail">
                        {messages.walk(formatDuration(connection.walkSeconds, language, journey), formatDistance(connection.distanceMetres, language))}
                        {connection.path === 'straight' ? ` · ${messages.straightLine}` : ''}
                        {connection.transferSeconds > connection.walkSeconds ? ` · ${messages.changeTime(formatDuration(connection.transferSeconds, language, journey))}` : ''}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <Departures departures={details.departures} at={details.at} />
        </>
      )}
    </section>
  );
}

function Departures({ departures, at }: { departures: readonly Departure[]; at: string }) {
  const { language } = useI18n();
  const messages = useMessages(TRANSIT_MESSAGES);
  const minutesUntil = (departure: string) => Math.max(0, Math.round((Date.parse(departure) - Date.parse(at)) / 60_000));
  return (
    <section className="transit-section" data-section="departures" aria-labelledby="transit-stop-departures">
      <h3 id="transit-stop-departures" className="transit-section__heading">
        {messages.departuresHeading}
      </h3>
      {departures.length === 0 && <p className="transit-card__note">{messages.noDepartures}</p>}
      <ol className="departures">
        {departures.map((departure) => {
          const minutes = minutesUntil(departure.departure);
          return (
            <li key={`${departure.line.id}-${departure.departure}-${departure.directionId}`} className="departures__row">
              <time className="departures__time" dateTime={departure.departure}>
                {clockTime(departure.departure)}
              </time>
              <LineBadge name={departure.line.shortName} colour={departure.line.colour} textColour={departure.line.textColour} />
              <bdi className="departures__headsign">{nameIn(departure.headsign ?? undefined, language)}</bdi>
              <span className="departures__wait">{minutes === 0 ? messages.now : plural(language, minutes, messages.inMinutes)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
