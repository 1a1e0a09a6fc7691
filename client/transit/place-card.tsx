import { useEffect, useRef } from 'react';
import type { SearchResult } from '../api/search-places.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { pickLabel } from '../i18n/pick-label.ts';
import { useMapController } from '../map/map-context.tsx';
import { CardHeader, type EndpointActions, JourneyButtons } from './transit-card.tsx';
import { buildPlaceOverlay, PLACE_OVERLAY_ID } from './transit-overlays.ts';

/** A street, an area or a named place found by the search: where it is, and a journey from or to it. */
export function PlaceCard({ place, onClose, onFrom, onTo }: { place: SearchResult; onClose: () => void } & EndpointActions) {
  const controller = useMapController();
  const { language } = useI18n();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const name = { fr: place.name.fr ?? place.name.ar ?? '', ar: place.name.ar ?? place.name.fr ?? '' };
  const journeyPlace = { position: [place.lon, place.lat] as [number, number], name };

  useEffect(() => {
    controller.overlays.set(buildPlaceOverlay([place.lon, place.lat]));
    controller.fitBounds(place.bbox ?? [place.lon, place.lat, place.lon, place.lat]);
    return () => controller.overlays.remove(PLACE_OVERLAY_ID);
  }, [controller, place]);

  return (
    <section className="transit-card" data-card="place" data-layer-id={place.layer} data-feature-id={place.id} aria-labelledby="transit-place-title">
      <CardHeader
        titleId="transit-place-title"
        titleRef={titleRef}
        kind={pickLabel(place.subtype?.label ?? place.kind_label, language)}
        title={language === 'ar' ? place.label.ar : place.label.fr}
        onBack={onClose}
        focusKey={`${place.layer}/${place.id}`}
      />
      <JourneyButtons place={journeyPlace} onFrom={onFrom} onTo={onTo} />
    </section>
  );
}
