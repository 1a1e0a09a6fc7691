import type { CSSProperties } from 'react';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';

interface LegendSwatchProps {
  kind: LayerCatalogEntry['style']['kind'];
  color: string;
}

/** A small sample of how the map draws a value: a stroke for lines, a dot for points, a tile for areas. */
export function LegendSwatch({ kind, color }: LegendSwatchProps) {
  return <span className={`legend-swatch legend-swatch--${kind}`} style={{ '--swatch-color': color } as CSSProperties} aria-hidden="true" />;
}
