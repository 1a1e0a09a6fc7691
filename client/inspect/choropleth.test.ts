import { describe, expect, it } from 'vitest';
import { CLASS_COLOURS, choroplethClasses, choroplethOverlay, colourOf, statisticValue } from './choropleth.ts';

const area = (count: number, extra: object = {}) => ({ area: { id: 1, code: 'X', name: { fr: 'A', ar: 'أ' } }, count, ...extra });

describe('the statistics choropleth', () => {
  it('measures each statistic from the server’s figures, and nothing where there is nothing to measure', () => {
    expect(statisticValue('permits-status', area(12))).toBe(12);
    expect(statisticValue('permits-age', area(12, { pending: { days0to30: 1, days31to60: 2, days61to90: 3, over90: 4 } }))).toBe(10);
    expect(statisticValue('inspections-score', area(3, { averageScore: 71.5 }))).toBe(71.5);
    expect(statisticValue('inspections-failing', area(0, { failingShare: null }))).toBeNull();
  });

  it('cuts the values into five equal steps and colours a value by its step', () => {
    const classes = choroplethClasses([0, 10, 50], false);
    expect(classes.map((entry) => [entry.from, entry.to])).toEqual([[0, 10], [10, 20], [20, 30], [30, 40], [40, 50]]);
    expect(colourOf(0, classes)).toBe(CLASS_COLOURS[0]);
    expect(colourOf(35, classes)).toBe(CLASS_COLOURS[3]);
    expect(colourOf(50, classes)).toBe(CLASS_COLOURS[4]);
    expect(choroplethClasses([7, 7], false)).toEqual([{ from: 7, to: 7, colour: CLASS_COLOURS[2] }]);
    expect(choroplethClasses([], true)).toEqual([]);
  });

  it('fills the arrondissements of the area tiles by id, leaving the others clear', () => {
    const overlay = choroplethOverlay('admin_areas', new Map([[4, '#111111'], [9, '#222222']]));
    const fill = overlay.layers[0]!;
    expect(fill).toMatchObject({ id: 'inspect-choropleth:fill', type: 'fill', source: 'admin_areas', 'source-layer': 'admin_areas' });
    expect(fill.type === 'fill' && fill.paint?.['fill-color']).toEqual(['match', ['id'], 4, '#111111', 9, '#222222', 'rgba(0, 0, 0, 0)']);
  });
});
