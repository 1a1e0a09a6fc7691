import type { Overlay } from '../map/overlay-registry.ts';
import type { AreaStatistics } from '../api/fetch-stats.ts';
import type { StatisticId } from './workspace-url.ts';

/**
 * The statistics choropleth as pure functions: the value each arrondissement gets for a measure, the
 * classes of the legend (equal intervals over the values, so the legend reads as round steps) and the
 * overlay that colours the arrondissements of the map's own area tiles by class.
 */

/** Sequential blues, light to dark (ColorBrewer "Blues", 5 classes): readable over the beige land. */
export const CLASS_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
const NO_DATA_COLOUR = 'rgba(0, 0, 0, 0)';

/** The layers a measure reads. */
export function statisticLayer(statistic: StatisticId): 'permits' | 'inspections' {
  return statistic.startsWith('permits') ? 'permits' : 'inspections';
}

/** The value of a measure in one area, or null when it has nothing to measure. */
export function statisticValue(statistic: StatisticId, area: AreaStatistics): number | null {
  switch (statistic) {
    case 'permits-status':
      return area.count;
    case 'permits-age': {
      const pending = area.pending;
      return pending ? pending.days0to30 + pending.days31to60 + pending.days61to90 + pending.over90 : null;
    }
    case 'inspections-score':
      return area.count > 0 ? (area.averageScore ?? null) : null;
    case 'inspections-failing':
      return area.count > 0 ? (area.failingShare ?? null) : null;
  }
}

/** A legend class: values from `from` to `to` (inclusive) drawn in `colour`. */
export interface ChoroplethClass {
  from: number;
  to: number;
  colour: string;
}

/** Up to five equal-interval classes over the values (one class when they are all equal, none without values). */
export function choroplethClasses(values: readonly number[], isShare: boolean): ChoroplethClass[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [{ from: min, to: max, colour: CLASS_COLOURS[2] }];
  const step = (max - min) / CLASS_COLOURS.length;
  const round = (value: number) => (isShare ? Math.round(value * 1000) / 1000 : Math.round(value * 10) / 10);
  return CLASS_COLOURS.map((colour, index) => ({ from: round(min + step * index), to: round(index === CLASS_COLOURS.length - 1 ? max : min + step * (index + 1)), colour }));
}

/** The class colour of a value (the last class whose lower bound it reaches). */
export function colourOf(value: number, classes: readonly ChoroplethClass[]): string {
  let colour = classes[0]?.colour ?? NO_DATA_COLOUR;
  for (const entry of classes) if (value >= entry.from) colour = entry.colour;
  return colour;
}

export const CHOROPLETH_OVERLAY_ID = 'inspect-choropleth';

/**
 * The overlay that fills each arrondissement of the reference layer's tiles (source and MVT layer
 * `areaLayerId`, feature id = area id) in its class colour, under the labels; areas without data stay clear.
 */
export function choroplethOverlay(areaLayerId: string, colours: ReadonlyMap<number, string>): Overlay {
  const match: unknown[] = ['match', ['id']];
  for (const [id, colour] of colours) match.push(id, colour);
  match.push(NO_DATA_COLOUR);
  const fillColour = colours.size === 0 ? NO_DATA_COLOUR : match;
  return {
    id: CHOROPLETH_OVERLAY_ID,
    sources: {},
    layers: [
      {
        id: `${CHOROPLETH_OVERLAY_ID}:fill`,
        type: 'fill',
        source: areaLayerId,
        'source-layer': areaLayerId,
        filter: ['==', ['get', 'level'], 'arrondissement'],
        paint: { 'fill-color': fillColour as never, 'fill-opacity': 0.72, 'fill-outline-color': '#1d3557' },
      },
    ],
  };
}
