import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { pickLabel } from '../i18n/pick-label.ts';
import type { FeatureReference } from '../state/url-state.ts';
import { buildDataLegend } from './data-legend.ts';
import { LegendSwatch } from './legend-swatch.tsx';
import { useLayerFeatures } from './use-layer-features.ts';
import { useMapDrawn } from './use-map-drawn.ts';

/** A layer of lines is legible with every line named; past this, the legend is a list nobody reads. */
const MAX_FEATURES = 200;

/**
 * The legend of a layer whose features carry their own colour: each feature (a transit line) with its
 * colour and name, grouped by its kind (tram, busway, bus). While it loads, or if it cannot, the layer's
 * single swatch stands for it.
 */
interface DataLegendListProps {
  layer: LayerCatalogEntry;
  label: string;
  isDisabled: boolean;
  /** When given, each row is a button that opens its feature (the transit map's list of lines). */
  onOpen?: ((reference: FeatureReference) => void) | undefined;
}

export function DataLegendList({ layer, label, isDisabled, onOpen }: DataLegendListProps) {
  const { language } = useI18n();
  const isMapDrawn = useMapDrawn();
  const features = useLayerFeatures(isMapDrawn ? layer.id : null, MAX_FEATURES);
  if (features.status !== 'loaded') return null;
  const rows = buildDataLegend(layer, features.features, language);
  const groupProperty = layer.properties.find((property) => property.type === 'enum' && property.values);
  const groupLabel = (value: string | null) => {
    const entry = groupProperty?.values?.find((candidate) => candidate.value === value);
    return entry ? pickLabel(entry.label, language) : null;
  };
  const groups = [...new Set(rows.map((row) => row.group))];
  return (
    <section className="legend legend--data" aria-label={label} data-disabled={isDisabled}>
      {groups.map((group) => (
        <div key={group ?? '-'} className="legend__group">
          {groupLabel(group) && <p className="legend__group-title">{groupLabel(group)}</p>}
          <ul className="legend__rows">
            {rows
              .filter((row) => row.group === group)
              .map((row) => (
                <li key={row.featureId} className="legend__row" data-feature-id={row.featureId}>
                  {onOpen ? (
                    <button type="button" className="legend__button" onClick={() => onOpen({ layerId: layer.id, featureId: row.featureId })}>
                      <LegendSwatch kind={layer.style.kind} color={row.color} />
                      <bdi>{row.label}</bdi>
                    </button>
                  ) : (
                    <>
                      <LegendSwatch kind={layer.style.kind} color={row.color} />
                      <bdi>{row.label}</bdi>
                    </>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
