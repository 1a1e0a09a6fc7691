import { describe, expect, it } from 'vitest';
import { distanceMetres } from './device-position.ts';
import { draftIssues, emptyDraft, inspectionFeature } from './inspection-form.ts';

describe('the inspection form', () => {
  it('names every missing or wrong field, and nothing for a complete draft', () => {
    expect(draftIssues(emptyDraft('2026-12-07'))).toEqual(['score', 'grade', 'outcome']);
    const draft = { ...emptyDraft('2026-12-07'), score: '101', grade: 'B', outcome: 'minor_violations', followUpOn: '2026-12-01' };
    expect(draftIssues(draft)).toEqual(['score', 'followUp']);
    expect(draftIssues({ ...draft, score: '72', followUpOn: '2027-01-10' })).toEqual([]);
    expect(draftIssues({ ...draft, score: '7.5', followUpOn: '' })).toEqual(['score']);
  });

  it('builds the feature the server stores, without geometry and without empty optional fields', () => {
    const draft = { ...emptyDraft('2026-12-07'), score: '58', grade: 'C', violations: ['NUI-01 Présence de nuisibles'], outcome: 'major_violations', notes: '  ' };
    expect(inspectionFeature(draft, 12, 'Nadia Tazi')).toEqual({
      type: 'Feature',
      geometry: null,
      properties: {
        establishment_id: 12, inspected_on: '2026-12-07', inspector_name: 'Nadia Tazi', score: 58, grade: 'C',
        violations: ['NUI-01 Présence de nuisibles'], outcome: 'major_violations',
      },
    });
  });
});

describe('distanceMetres', () => {
  it('measures a street-scale distance in Casablanca within a metre', () => {
    // 0.001° of latitude is about 110.9 m; 0.001° of longitude at 33.59° N about 92.7 m.
    expect(distanceMetres({ longitude: -7.62, latitude: 33.59 }, { longitude: -7.62, latitude: 33.591 })).toBeCloseTo(111.2, 0);
    expect(distanceMetres({ longitude: -7.62, latitude: 33.59 }, { longitude: -7.619, latitude: 33.59 })).toBeCloseTo(92.7, 0);
    expect(distanceMetres({ longitude: -7.62, latitude: 33.59 }, { longitude: -7.62, latitude: 33.59 })).toBe(0);
  });
});
