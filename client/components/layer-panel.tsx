import { useI18n } from '../i18n/i18n-context.tsx';
import { groupLayersByFamily, type LayerCatalogEntry } from '../layers/catalog.ts';
import { LayerToggle } from './layer-toggle.tsx';

interface LayerPanelProps {
  id: string;
  layers: readonly LayerCatalogEntry[];
  visibleLayerIds: ReadonlySet<string>;
  zoom: number | undefined;
  isOpen: boolean;
  onToggle: (layerId: string, isVisible: boolean) => void;
}

/** The layers the caller may read, grouped by family, each with its switch and legend. */
export function LayerPanel({ id, layers, visibleLayerIds, zoom, isOpen, onToggle }: LayerPanelProps) {
  const { messages } = useI18n();
  return (
    <aside id={id} className="layer-panel" aria-labelledby={`${id}-heading`} data-open={isOpen}>
      <h2 id={`${id}-heading`} className="panel-heading">
        {messages.layersHeading}
      </h2>
      {groupLayersByFamily(layers).map((group) => (
        <section key={group.family} className="layer-group" aria-labelledby={`${id}-${group.family}`}>
          <h3 id={`${id}-${group.family}`} className="layer-group__heading">
            {messages.families[group.family] ?? group.family}
          </h3>
          <ul className="layer-group__list">
            {group.layers.map((layer) => (
              <LayerToggle key={layer.id} layer={layer} isVisible={visibleLayerIds.has(layer.id)} zoom={zoom} onToggle={onToggle} />
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
