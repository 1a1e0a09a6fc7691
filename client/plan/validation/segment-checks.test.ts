import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { UserPrincipal } from '../../../server/auth/principal.ts';
import { LayerRegistry } from '../../../server/layers/registry.ts';
import { regionFrom } from '../../../server/layers/region.ts';
import { buildLayerCatalog } from '../../../server/routes/layer-catalog.ts';
import { CHECK_REGION, SEGMENT_CHECK_CASES } from '../../../tests/fixtures/road-segment-checks.ts';
import type { SegmentDraft } from '../model/segment-draft.ts';
import { type CheckContext, checkSegment } from './segment-checks.ts';

/** The catalog a planner receives, built by the server's own code, for the region the server is given. */
const planner: UserPrincipal = { kind: 'user', role: 'planner', userId: 1, username: 'nadia', sessionId: 1, areaIds: [] };
const catalog = buildLayerCatalog(new LayerRegistry(), planner, regionFrom(null, null, { marginKm: 0, ...CHECK_REGION }));
const entry = catalog.layers.find((layer) => layer.id === 'road_segments')!;

function draft(key: string, id: number | null, geometry: unknown, properties: Record<string, unknown>): SegmentDraft {
  return { key, id, properties, geometry: geometry as SegmentDraft['geometry'] };
}

function context(network: SegmentDraft[], sameChangeKeys: string[] = []): CheckContext {
  return { entry, area: catalog, network, sameChangeKeys: new Set(sameChangeKeys) };
}

const codes = (issues: { code: string }[]) => issues.map((found) => found.code).sort();

describe.each(SEGMENT_CHECK_CASES)('the editor’s checks agree with the server’s on $name', (testCase) => {
  it(`finds ${[...testCase.errors, ...testCase.warnings].join(', ') || 'nothing'}`, () => {
    const network = testCase.context.map((feature, index) => draft(`road_segments/${index + 1}`, index + 1, feature.geometry, feature.properties));
    const issues = checkSegment(draft('new-1', null, testCase.feature.geometry, testCase.feature.properties), context(network));
    expect(codes(issues.filter((found) => found.severity === 'error'))).toEqual(testCase.errors);
    expect(codes(issues.filter((found) => found.severity === 'warning'))).toEqual(testCase.warnings);
  });
});

const street = { name_fr: 'Rue des Essais', name_ar: 'زنقة التجارب', road_class: 'residential', condition: 'good' };
const line = (...coordinates: Position[]) => ({ type: 'LineString', coordinates });

describe('the fixes the issues offer', () => {
  it('snaps an end that stops short of a road onto the road', () => {
    const road = draft('road_segments/1', 1, line([-7.53, 33.555], [-7.528, 33.555]), { road_class: 'primary' });
    const [issue] = checkSegment(draft('new-1', null, line([-7.529, 33.553], [-7.529, 33.55497]), street), context([road]));
    expect(issue).toMatchObject({ code: 'near-miss-end', severity: 'warning', fix: { kind: 'snap-end', index: 1 } });
    const to = issue!.fix!.kind === 'snap-end' ? issue!.fix!.to : [];
    expect(to[0]).toBeCloseTo(-7.529, 9);
    expect(to[1]).toBeCloseTo(33.555, 9);
  });

  it('removes the vertex of a line that doubles back, and offers to merge a touching twin', () => {
    const back = checkSegment(draft('new-1', null, line([-7.53, 33.555], [-7.529, 33.555], [-7.529, 33.556], [-7.529, 33.555]), street), context([]));
    expect(back).toEqual([expect.objectContaining({ code: 'self-crossing', fix: { kind: 'remove-vertex', index: 3 } })]);
    const twin = draft('road_segments/5', 5, line([-7.53, 33.555], [-7.529, 33.555]), street);
    const touching = checkSegment(draft('road_segments/6', 6, line([-7.529, 33.555], [-7.528, 33.556]), street), context([twin]));
    expect(touching).toEqual([expect.objectContaining({ code: 'duplicate-name-touching', fix: { kind: 'merge', withKey: 'road_segments/5' } })]);
    expect(touching[0]!.message.fr).toContain('n° 5');
    // Saved in the same change set (a split's two halves), they are not reported.
    expect(checkSegment(draft('road_segments/6', 6, line([-7.529, 33.555], [-7.528, 33.556]), street), context([twin], ['road_segments/5']))).toEqual([]);
  });

  it('judges a saved segment as a replacement: a required value cleared is an error on its field', () => {
    const issues = checkSegment(draft('road_segments/9', 9, line([-7.53, 33.555], [-7.529, 33.555]), { ...street, road_class: null }), context([]));
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', code: 'required-property', pointer: '/properties/road_class' })]);
  });
});
