import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { type LayerCatalogEntry, pickLabel } from '../layers/catalog.ts';
import { LegendSwatch } from './legend-swatch.tsx';

interface LayerToggleProps {
  layer: LayerCatalogEntry;
  isVisible: boolean;
  /** Current map zoom, to say when a layer is on but not drawn yet at this zoom. */
  zoom: number | undefined;
  onToggle: (layerId: string, isVisible: boolean) => void;
}

/**
 * A layer's switch, its description and its legend (one swatch, or one row per coloured value), with a
 * badge when the caller may edit the layer (the catalog says so per caller).
 */
export function LayerToggle({ layer, isVisible, zoom, onToggle }: LayerToggleProps) {
  const { language, messages } = useI18n();
  const descriptionId = useId();
  const title = pickLabel(layer.title, language);
  const isBelowMinzoom = zoom !== undefined && zoom < layer.minzoom;
  const [singleLegend] = layer.legend.length === 1 ? layer.legend : [];
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
