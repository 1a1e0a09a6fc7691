import { describe, expect, it } from 'vitest';
import { differingFields, initialChoices, resolutionStep, resolvedDraft } from './conflict-resolution.ts';
import type { SegmentDraft } from './model/segment-draft.ts';

const mine: SegmentDraft = {
  key: 'road_segments/4',
  id: 4,
  properties: { name_fr: 'Rue Allal', condition: 'poor', width_m: 9 },
  geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] },
};
const theirs: SegmentDraft = { ...mine, properties: { name_fr: 'Rue Allal Ben Abdellah', condition: 'fair', width_m: 9 }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 2]] } };

describe('resolving a conflict', () => {
  it('lists the fields the two versions disagree on', () => {
    expect(differingFields(mine, theirs, ['name_fr', 'condition', 'width_m'])).toEqual(['name_fr', 'condition']);
  });

  it('keeps mine, takes theirs, or merges field by field with one geometry', () => {
    expect(resolvedDraft(mine, theirs, { kind: 'mine' })).toBe(mine);
    expect(resolvedDraft(mine, theirs, { kind: 'theirs' })).toEqual(theirs);
    const merged = resolvedDraft(mine, theirs, { kind: 'merge', fields: { name_fr: 'theirs', condition: 'mine' }, geometry: 'mine' });
    expect(merged.properties).toEqual({ name_fr: 'Rue Allal Ben Abdellah', condition: 'poor', width_m: 9 });
    expect(merged.geometry).toBe(mine.geometry);
    expect(merged.key).toBe(mine.key);
  });

  it('starts each differing field on the side that changed it since the planner read it, his side when unknown', () => {
    const base: SegmentDraft = { ...mine, properties: { name_fr: 'Rue Allal', condition: 'fair', width_m: 9 } };
    // He changed the condition (and nothing else); they renamed it and reshaped it.
    expect(initialChoices(base, mine, theirs, ['name_fr', 'condition', 'width_m'])).toEqual({ fields: { name_fr: 'theirs', condition: 'mine' }, geometry: 'theirs' });
    const reshaped = { ...mine, geometry: { type: 'LineString' as const, coordinates: [[0, 0], [2, 2]] } };
    expect(initialChoices(base, reshaped, theirs, ['condition']).geometry).toBe('mine');
    expect(initialChoices(null, mine, theirs, ['name_fr', 'condition'])).toEqual({ fields: { name_fr: 'mine', condition: 'mine' }, geometry: 'mine' });
  });

  it('records the resolution as an undoable step, unless the planner keeps his version', () => {
    expect(resolutionStep(mine, mine, mine.key)).toBeNull();
    expect(resolutionStep(mine, theirs, mine.key)).toEqual({ kind: 'resolve', changes: [{ key: mine.key, before: mine, after: theirs }] });
  });
});
