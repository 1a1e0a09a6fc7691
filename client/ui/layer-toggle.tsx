import { useId } from 'react';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { pickLabel } from '../i18n/pick-label.ts';
import type { FeatureReference } from '../state/url-state.ts';
import { hasDataColours } from './data-legend.ts';
import { DataLegendList } from './data-legend-list.tsx';
import { LegendSwatch } from './legend-swatch.tsx';
import { UI_MESSAGES } from './ui-messages.ts';

interface LayerToggleProps {
  layer: LayerCatalogEntry;
  isVisible: boolean;
  /** Current map zoom, to say when a layer is on but not drawn yet at this zoom. */
  zoom: number | undefined;
  onToggle: (layerId: string, isVisible: boolean) => void;
  /** Opens a feature from the legend, for layers whose legend lists their features. */
  onOpenFeature?: ((reference: FeatureReference) => void) | undefined;
}

/**
 * A layer's switch, its description and its legend (one swatch, or one row per coloured value), with a
 * badge when the caller may edit the layer (the catalog says so per caller).
 */
export function LayerToggle({ layer, isVisible, zoom, onToggle, onOpenFeature }: LayerToggleProps) {
  const { language } = useI18n();
  const messages = useMessages(UI_MESSAGES);
  const descriptionId = useId();
  const title = pickLabel(layer.title, language);
  const isBelowMinzoom = zoom !== undefined && zoom < layer.minzoom;
  const isDataLegend = hasDataColours(layer);
  const [singleLegend] = layer.legend.length === 1 && !isDataLegend ? layer.legend : [];
  return (
    <li className="layer-toggle" data-layer-id={layer.id}>
      <label className="layer-toggle__label">
        <input
          type="checkbox"
          checked={isVisible}
          aria-describedby={descriptionId}
          onChange={(event) => onToggle(layer.id, event.currentTarget.checked)}
        />
        <span className="layer-toggle__title">{title}</span>
        {layer.permissions.update && (
          <span className="badge" data-badge="editable">
            {messages.layerEditable}
          </span>
        )}
        {singleLegend && <LegendSwatch kind={layer.style.kind} color={singleLegend.color} />}
      </label>
      <p id={descriptionId} className="layer-toggle__description">
        {pickLabel(layer.description, language)}
        {isVisible && isBelowMinzoom && <span className="layer-toggle__hint"> {messages.visibleFromZoom(layer.minzoom)}</span>}
      </p>
      {isDataLegend && <DataLegendList layer={layer} label={messages.legendOf(title)} isDisabled={!isVisible} onOpen={onOpenFeature} />}
      {layer.legend.length > 1 && (
        <ul className="legend" aria-label={messages.legendOf(title)} data-disabled={!isVisible}>
          {layer.legend.map((row) => (
            <li key={`${row.color}-${row.label.fr}`} className="legend__row">
              <LegendSwatch kind={layer.style.kind} color={row.color} />
              <span>{pickLabel(row.label, language)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
