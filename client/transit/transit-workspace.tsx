import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import type { SearchResult } from '../api/search-places.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useMapController } from '../map/map-context.tsx';
import { MapView } from '../map/map-view.tsx';
import { createPickPlaceMode } from '../map/pick-place-mode.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import { NamesLanguageNote } from '../ui/names-language-note.tsx';
import { useLayerFamilies } from '../ui/use-layer-families.ts';
import { useSelection } from '../ui/use-selection.ts';
import { type PositionProblem, JourneyForm } from './journey-form.tsx';
import { JOURNEY_MESSAGES } from './journey-messages.ts';
import { JourneyResults } from './journey-results.tsx';
import { LinePanel } from './line-panel.tsx';
import { NetworkPanel } from './network-panel.tsx';
import { PlaceCard } from './place-card.tsx';
import { PlaceSearch } from './place-search.tsx';
import { StopPanel } from './stop-panel.tsx';
import { type JourneyPlace, requestCardFocus } from './transit-card.tsx';
import { LINES_LAYER, selectionForFeedId, STOPS_LAYER, type TransitLayer } from './transit-features.ts';
import { LocateButton } from './locate-button.tsx';
import { TRANSIT_MESSAGES } from './transit-messages.ts';
import { isInsideBounds, useDevicePosition } from './use-device-position.ts';
import { type EndpointRole, useJourney } from './use-journey.ts';

/** The mobility family of the catalog: tram, busway and bus lines and their stops. */
const TRANSIT_FAMILIES = ['mobility'];
/** What the search box looks in: stops and lines, streets, areas and named places. */
const SEARCH_LAYERS = ['transit_stops', 'transit_routes', 'road_segments', 'admin_areas', 'establishments'];
/** Where a journey may start or end (a line is not a place). */
const PLACE_LAYERS = SEARCH_LAYERS.filter((layer) => layer !== LINES_LAYER);

/** The layers among these that the caller may read (the search refuses the others). */
function readableOf(catalog: LayerCatalog, layerIds: readonly string[]): string[] {
  return layerIds.filter((id) => catalog.layers.some((layer) => layer.id === id));
}

/**
 * The transit map's screen: the search (or the journey form) and the cards (network, stop, line, place,
 * journeys) beside the map on a wide screen, around it on a phone. Which card shows follows the open
 * feature (a stop or a line, shared with the map and the URL), then a searched place, then the journey.
 */
export function TransitWorkspace({ catalog }: { catalog: LayerCatalog }) {
  const controller = useMapController();
  const { state } = useServices();
  const messages = useMessages(TRANSIT_MESSAGES);
  const journeyMessages = useMessages(JOURNEY_MESSAGES);
  const { selection, open, close } = useSelection();
  const position = useStore(state, (snapshot) => snapshot.position);
  const [isPlanning, setPlanning] = useState(false);
  const [place, setPlace] = useState<SearchResult | null>(null);
  const [picking, setPicking] = useState<EndpointRole | null>(null);
  const [positionProblem, setPositionProblem] = useState<PositionProblem | null>(null);
  const journey = useJourney(isPlanning);
  const device = useDevicePosition();
  useLayerFamilies(catalog, TRANSIT_FAMILIES);

  const searchLayers = useMemo(() => readableOf(catalog, SEARCH_LAYERS), [catalog]);
  const placeLayers = useMemo(() => readableOf(catalog, PLACE_LAYERS), [catalog]);
  const near = position && isInsideBounds([position.longitude, position.latitude], catalog.bounds) ? { lon: position.longitude, lat: position.latitude } : undefined;

  // Leaving the app leaves a place being picked.
  useEffect(() => () => controller.exitMode(), [controller]);

  const openFeed = useCallback(
    (layerId: TransitLayer, feedId: string) => {
      requestCardFocus();
      void selectionForFeedId(layerId, feedId).then((found) => found && state.update((current) => ({ ...current, selection: found })), () => undefined);
    },
    [state],
  );
  const chooseResult = (result: SearchResult) => {
    if (result.layer === STOPS_LAYER || result.layer === LINES_LAYER) {
      setPlace(null);
      open({ layerId: result.layer, featureId: String(result.id) });
      return;
    }
    close();
    setPlace(result);
  };
  const setEndpoint = (role: EndpointRole) => (chosen: JourneyPlace) => {
    journey.setEndpoint(role, { position: chosen.position, name: chosen.name, source: 'place' });
    close();
    setPlace(null);
    setPlanning(true);
  };
  const pick = (role: EndpointRole) => {
    if (picking === role) {
      controller.exitMode();
      return;
    }
    const mode = createPickPlaceMode({
      onPick: ({ lng, lat }) => {
        journey.setEndpoint(role, { position: [lng, lat], name: null, source: 'map' });
        setPicking(null);
      },
      onCancel: () => setPicking(null),
      center: () => controller.center(),
    });
    controller.enterMode(mode);
    setPicking(role);
    controller.focus();
  };
  const startFromDevice = async (role: EndpointRole) => {
    setPositionProblem(null);
    const found = await device.locate();
    if (found.status === 'failed') setPositionProblem(found.problem);
    else if (found.status === 'found' && !isInsideBounds(found.position, catalog.bounds)) setPositionProblem('outside');
    else if (found.status === 'found') journey.setEndpoint(role, { position: found.position, name: null, source: 'device' });
  };

  const stopOrLine = selection?.layerId === STOPS_LAYER || selection?.layerId === LINES_LAYER ? selection : null;
  const body = stopOrLine?.layerId === STOPS_LAYER ? (
    <StopPanel selection={stopOrLine} onBack={close} onOpenLine={(id) => openFeed(LINES_LAYER, id)} onOpenStop={(id) => openFeed(STOPS_LAYER, id)} onFrom={setEndpoint('from')} onTo={setEndpoint('to')} />
  ) : stopOrLine ? (
    <LinePanel selection={stopOrLine} onBack={close} onOpenStop={(id) => openFeed(STOPS_LAYER, id)} />
  ) : place ? (
    <PlaceCard place={place} onClose={() => setPlace(null)} onFrom={setEndpoint('from')} onTo={setEndpoint('to')} />
  ) : isPlanning ? (
    <JourneyResults journey={journey} />
  ) : (
    <NetworkPanel catalog={catalog} onOpen={open} />
  );

  return (
    <div className="transit" data-planning={isPlanning} data-picking={picking ?? undefined}>
      <search className="transit__top" aria-label={messages.panelLabel}>
        {isPlanning ? (
          <JourneyForm
            journey={journey}
            layers={placeLayers}
            near={near}
            picking={picking}
            onPick={pick}
            onMyPosition={(role) => void startFromDevice(role)}
            isLocating={device.state.status === 'locating'}
            positionProblem={positionProblem}
            onClose={() => {
              controller.exitMode();
              setPlanning(false);
            }}
          />
        ) : (
          <div className="transit__search">
            <PlaceSearch name="search" label={messages.searchLabel} placeholder={messages.searchPlaceholder} layers={searchLayers} near={near} value="" onChoose={chooseResult} />
            <button type="button" className="button transit__plan" data-action="plan" onClick={() => setPlanning(true)}>
              {journeyMessages.open}
            </button>
          </div>
        )}
      </search>
      <div className="transit__body">{body}</div>
      <div className="transit__map map-area">
        <MapView />
        <div className="map-toolbar">
          <LocateButton bounds={catalog.bounds} />
        </div>
        {picking && (
          <div className="pick-hint" role="status" data-role={picking}>
            <p>{journeyMessages.pickHint[picking]}</p>
            <button type="button" className="button button--quiet" onClick={() => controller.exitMode()}>
              {journeyMessages.cancelPick}
            </button>
          </div>
        )}
        <NamesLanguageNote />
      </div>
    </div>
  );
}
