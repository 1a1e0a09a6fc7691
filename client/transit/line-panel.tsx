import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { plural } from '../i18n/plural.ts';
import { useMapController } from '../map/map-context.tsx';
import type { Selection } from '../state/app-state.ts';
import { nameIn } from './journey-format.ts';
import { LineBadge } from './line-badge.tsx';
import { boundsOf } from './bounds-of.ts';
import { fetchLineDetails, type LineDetails, type Position } from './mobility-api.ts';
import { CardHeader, CardProblem } from './transit-card.tsx';
import { feedIdOf, LINES_LAYER } from './transit-features.ts';
import { TRANSIT_MESSAGES } from './transit-messages.ts';
import { buildLineOverlay, LINE_OVERLAY_ID } from './transit-overlays.ts';
import { useRequest } from './use-request.ts';

interface LinePanelProps {
  selection: Selection;
  onBack: () => void;
  onOpenStop: (stopId: string) => void;
}

async function loadLine(selection: Selection, signal: AbortSignal): Promise<LineDetails> {
  const routeId = await feedIdOf({ ...selection, layerId: LINES_LAYER }, signal);
  if (!routeId) throw new ApiError({ status: 404, type: 'route-not-found', title: 'Not found' });
  return fetchLineDetails(routeId, signal);
}

/**
 * A line: its stops in order, one direction at a time (each stop opens the stop), and its course drawn over
 * the network, the map fitted to it.
 */
export function LinePanel({ selection, onBack, onOpenStop }: LinePanelProps) {
  const controller = useMapController();
  const { language } = useI18n();
  const messages = useMessages(TRANSIT_MESSAGES);
  const { state, retry } = useRequest(`${selection.layerId}/${selection.featureId}`, (signal) => loadLine(selection, signal));
  const details = state.status === 'loaded' ? state.value : null;
  const [directionIndex, setDirectionIndex] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const tileName = selection.tileProperties?.[language === 'ar' ? 'name_ar' : 'name_fr'];

  // biome-ignore lint/correctness/useExhaustiveDependencies: another line (`selection.featureId`) opens on its first direction.
  useEffect(() => setDirectionIndex(0), [selection.featureId]);
  useEffect(() => {
    if (!details) return undefined;
    controller.overlays.set(buildLineOverlay(details));
    const bounds = boundsOf(details.directions.flatMap((direction) => direction.geometry.coordinates as Position[]));
    if (bounds) controller.fitBounds(bounds);
    return () => controller.overlays.remove(LINE_OVERLAY_ID);
  }, [controller, details]);

  const direction = details?.directions[directionIndex] ?? details?.directions[0];
  const title = details ? nameIn(details.line.name, language) : typeof tileName === 'string' ? tileName : '';
  return (
    <section className="transit-card" data-card="line" data-line-id={details?.line.id} aria-labelledby="transit-line-title" aria-busy={state.status === 'loading'}>
      <CardHeader titleId="transit-line-title" titleRef={titleRef} kind={details ? messages.modes[details.line.mode] : ''} title={title} onBack={onBack} focusKey={selection.featureId} />
      {state.status === 'failed' && <CardProblem text={messages.lineLoadFailed} error={state.error} onRetry={retry} />}
      {details && direction && (
        <>
          <p className="transit-card__line">
            <LineBadge name={details.line.shortName} colour={details.line.colour} textColour={details.line.textColour} />
            <span className="transit-card__note">{messages.operatedBy(details.line.agency)}</span>
          </p>
          {details.directions.length > 1 && (
            <fieldset className="direction-switch">
              <legend className="visually-hidden">{messages.directionsLabel}</legend>
              {details.directions.map((candidate, index) => (
                <button
                  key={candidate.directionId}
                  type="button"
                  className="chip-button direction-switch__button"
                  aria-pressed={candidate === direction}
                  data-direction={candidate.directionId}
                  onClick={() => setDirectionIndex(index)}
                >
                  {messages.towards(nameIn(candidate.headsign ?? candidate.stops[candidate.stops.length - 1]?.name, language))}
                </button>
              ))}
            </fieldset>
          )}
          <p className="transit-card__note">{plural(language, direction.stops.length, messages.stopsCount)}</p>
          <ol className="line-stops" style={{ '--line-colour': details.line.colour } as CSSProperties}>
            {direction.stops.map((stop) => (
              <li key={`${stop.sequence}-${stop.id}`} className="line-stops__stop">
                <button type="button" className="transit-list__item line-stops__button" data-stop-id={stop.id} onClick={() => onOpenStop(stop.id)}>
                  <bdi>{nameIn(stop.name, language)}</bdi>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
