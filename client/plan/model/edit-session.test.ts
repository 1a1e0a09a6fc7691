import { describe, expect, it } from 'vitest';
import { splitSegment } from '../operations/split-segment.ts';
import { deleteSegment, setProperties } from '../operations/segment-steps.ts';
import { buildChangeSet, locateIssue } from './change-request.ts';
import { EMPTY_HISTORY, recordStep, redoStep, undoStep } from './edit-history.ts';
import { EMPTY_SESSION, networkOf, perform, redo, rememberSaved, takeNewKey, undo, unsavedChanges } from './edit-session.ts';
import type { SegmentDraft } from './segment-draft.ts';

const road: SegmentDraft = {
  key: 'road_segments/7',
  id: 7,
  properties: { name_fr: 'Rue de Fès', road_class: 'residential', condition: 'fair', updated_at: '2026-01-01T00:00:00Z' },
  geometry: { type: 'LineString', coordinates: [[-7.6, 33.5], [-7.599, 33.5], [-7.598, 33.5]] },
};
const EDITABLE = ['name_fr', 'road_class', 'condition'];

describe('the undo history', () => {
  it('undoes and redoes steps in order, and forgets what was undone once a new step is done', () => {
    const a = deleteSegment(road);
    const b = setProperties(road, { condition: 'poor' })!;
    let history = recordStep(recordStep(EMPTY_HISTORY, a), b);
    const undone = undoStep(history)!;
    expect(undone.step).toBe(b);
    history = undone.history;
    expect(redoStep(history)!.step).toBe(b);
    history = recordStep(history, a);
    expect(history.undone).toEqual([]);
    expect(redoStep(history)).toBeNull();
    expect(undoStep(EMPTY_HISTORY)).toBeNull();
  });
});

describe('an edit session', () => {
  it('splits, undoes, redoes, and sends one change set of a replacement and a creation', () => {
    let session = rememberSaved(EMPTY_SESSION, road, '"v3.abcdefgh"');
    const [key, next] = takeNewKey(session);
    session = perform(next, splitSegment(road, { kind: 'vertex', index: 1 }, key)!);
    expect(unsavedChanges(session).map((change) => [change.key, change.kind])).toEqual([['road_segments/7', 'update'], ['new-1', 'create']]);

    session = undo(session);
    expect(unsavedChanges(session)).toEqual([]);
    session = redo(session);
    const request = buildChangeSet(unsavedChanges(session), 'road_segments', EDITABLE, 'Carrefour');
    expect(request.keys).toEqual(['road_segments/7', 'new-1']);
    expect(request.body).toEqual({
      reason: 'Carrefour',
      changes: [
        {
          op: 'replace', layer: 'road_segments', id: 7, ifMatch: '"v3.abcdefgh"',
          feature: { type: 'Feature', geometry: { type: 'LineString', coordinates: [[-7.6, 33.5], [-7.599, 33.5]] }, properties: { name_fr: 'Rue de Fès', road_class: 'residential', condition: 'fair' } },
        },
        {
          op: 'create', layer: 'road_segments', tempId: 'new-1',
          feature: { type: 'Feature', geometry: { type: 'LineString', coordinates: [[-7.599, 33.5], [-7.598, 33.5]] }, properties: { name_fr: 'Rue de Fès', road_class: 'residential', condition: 'fair' } },
        },
      ],
    });
  });

  it('counts a change undone by hand, and a new feature deleted again, as no change', () => {
    let session = rememberSaved(EMPTY_SESSION, road, '"v3.abcdefgh"');
    session = perform(session, setProperties(road, { condition: 'poor' })!);
    session = perform(session, setProperties({ ...road, properties: { ...road.properties, condition: 'poor' } }, { condition: 'fair' })!);
    const [key, next] = takeNewKey(session);
    session = perform(next, { kind: 'draw', changes: [{ key, before: null, after: { ...road, key, id: null } }] });
    session = perform(session, deleteSegment({ ...road, key, id: null }));
    expect(unsavedChanges(session)).toEqual([]);
    expect(session.history.done).toHaveLength(4);
  });

  it('learns the base of a road it touches first through a step, without its ETag, and refuses to save it blind', () => {
    const session = perform(EMPTY_SESSION, deleteSegment(road));
    expect(session.base.get(road.key)).toEqual({ draft: road, etag: null });
    expect(() => buildChangeSet(unsavedChanges(session), 'road_segments', EDITABLE)).toThrow(/no ETag/);
    const known = rememberSaved(session, road, '"v3.abcdefgh"');
    expect(buildChangeSet(unsavedChanges(known), 'road_segments', EDITABLE).body.changes).toEqual([{ op: 'delete', layer: 'road_segments', id: 7, ifMatch: '"v3.abcdefgh"' }]);
    // A road that changed on the server since it was listed keeps its old base: saving will meet the conflict.
    const changed = { ...road, properties: { ...road.properties, condition: 'good' } };
    expect(rememberSaved(session, changed, '"v4.abcdefgh"').base.get(road.key)).toEqual({ draft: road, etag: null });
  });

  it('shows the network with its own versions: deleted roads gone, new ones added', () => {
    const other = { ...road, key: 'road_segments/8', id: 8 };
    const session = perform(EMPTY_SESSION, deleteSegment(road));
    expect(networkOf(session, [road, other]).map((draft) => draft.key)).toEqual(['road_segments/8']);
  });
});

describe('locateIssue', () => {
  it('finds the change and the field a server issue points at', () => {
    expect(locateIssue('/changes/2/feature/properties/width_m')).toEqual({ index: 2, rest: '/properties/width_m' });
    expect(locateIssue('/changes/0/feature/geometry')).toEqual({ index: 0, rest: '/geometry' });
    expect(locateIssue('/changes/1')).toEqual({ index: 1, rest: '' });
    expect(locateIssue('/reason')).toBeNull();
  });
});
