import { useRef } from 'react';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { pickLabel } from '../i18n/pick-label.ts';
import type { FeatureReference } from '../state/url-state.ts';
import { DataLegendList } from '../ui/data-legend-list.tsx';
import { LegendSwatch } from '../ui/legend-swatch.tsx';
import { requestCardFocus, useCardFocus } from './transit-card.tsx';
import { LINES_LAYER, STOPS_LAYER } from './transit-features.ts';
import { TRANSIT_MESSAGES } from './transit-messages.ts';

/**
 * What the transit map shows first: what it is for, every line grouped by mode in its colour (each opens
 * the line: the keyboard's way into the network), and how stops are drawn by mode.
 */
export function NetworkPanel({ catalog, onOpen }: { catalog: LayerCatalog; onOpen: (reference: FeatureReference) => void }) {
  const { language } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useCardFocus(headingRef, 'network');
  const messages = useMessages(TRANSIT_MESSAGES);
  const lines = catalog.layers.find((layer) => layer.id === LINES_LAYER);
  const stops = catalog.layers.find((layer) => layer.id === STOPS_LAYER);
  return (
    <section className="transit-card" data-card="network" aria-labelledby="transit-network-title">
      <p className="transit-card__intro">{messages.intro}</p>
      <h2 id="transit-network-title" ref={headingRef} className="transit-section__heading" tabIndex={-1}>
        {messages.networkHeading}
      </h2>
      {lines && (
        <DataLegendList
          layer={lines}
          label={messages.networkHeading}
          isDisabled={false}
          onOpen={(reference) => {
            requestCardFocus();
            onOpen(reference);
          }}
        />
      )}
      {stops && stops.legend.length > 1 && (
        <ul className="legend transit-stops-legend" aria-label={pickLabel(stops.title, language)}>
          {stops.legend.map((row) => (
            <li key={row.color} className="legend__row">
              <LegendSwatch kind={stops.style.kind} color={row.color} />
              <span>{pickLabel(row.label, language)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
