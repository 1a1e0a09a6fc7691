import { describe, expect, it } from 'vitest';
import { formatImportReport } from './format-import-report.ts';
import type { ImportReport } from './import-file.ts';
import type { ImportIssue } from './import-issue.ts';

const base: ImportReport = { layerId: 'road_segments', filePath: 'rues.zip', format: 'shapefile', status: 'imported', featureCount: 3, rowCount: 3, counts: { created: 3, updated: 0, unchanged: 0, deleted: 0, derived: 0 }, values: [], unset: [], notes: [], issues: [] };

function enumIssue(featureIndex: number): ImportIssue {
  return {
    featureIndex,
    attribute: 'fclass',
    pointer: '/properties/road_class',
    code: 'invalid-enum-value',
    message: { fr: 'valeur non permise', ar: 'قيمة غير مسموح بها', en: 'not an allowed value' },
  };
}

describe('formatImportReport', () => {
  it('says how many rows were imported, with notes', () => {
    const report = { ...base, notes: [{ fr: 'Attributs écartés : osm_id', ar: 'خصائص مستبعدة: osm_id', en: 'Attributes left out: osm_id' }] };
    expect(formatImportReport(report, 'en')).toBe('Imported into road_segments from rues.zip (shapefile, 3): 3 created, 0 updated, 0 unchanged, 0 deleted\n  · Attributes left out: osm_id');
    expect(formatImportReport(report, 'fr')).toContain('Import dans road_segments depuis rues.zip (shapefile, 3) : 3 créé(s)');
  });

  it('says a dry run wrote nothing', () => {
    expect(formatImportReport({ ...base, status: 'dry-run' }, 'en')).toContain('Dry run into road_segments from rues.zip (shapefile, 3): 3 created, 0 updated, 0 unchanged, 0 deleted; nothing was written');
  });

  it('lists every value of a listed property and what it became, and what the file does not give', () => {
    const report: ImportReport = {
      ...base,
      values: [
        { attribute: 'oneway', property: 'is_one_way', type: 'boolean', nulls: 0, distinct: 2, values: [{ source: 'B', count: 2, result: false, isRefused: false, isExplicit: true }, { source: 'F', count: 1, result: true, isRefused: false, isExplicit: true }] },
        { attribute: 'name', property: 'name_fr', type: 'string', nulls: 1, distinct: 2, values: [] },
      ],
      unset: [{ property: 'surface', columnDefault: null, isUnknown: true }, { property: 'condition', columnDefault: null, isUnknown: true }, { property: 'is_lit', columnDefault: 'true', isUnknown: true }],
    };
    expect(formatImportReport(report, 'en').split('\n').slice(1)).toEqual([
      'Values (attribute → property: value (count) → became):',
      '  oneway → is_one_way: B (2) → false, F (1) → true',
      '  name → name_fr: 2 distinct value(s); 1 empty, left unknown',
      'Not in the file:',
      '  surface, condition → unknown (null)',
      '  is_lit → the column’s default: true',
    ]);
  });

  it('lists the first issues, counts the rest and summarises by code and pointer', () => {
    const issues = [
      { pointer: '/properties', code: 'unknown-attribute' as const, message: { fr: 'f', ar: 'a', en: 'Attributes matching no property: name' } },
      ...Array.from({ length: 30 }, (_, index) => enumIssue(index)),
      { featureIndex: 31, pointer: '/geometry/coordinates/0/3', code: 'coordinate-out-of-range' as const, message: { fr: 'f', ar: 'a', en: 'out of range' } },
    ];
    const text = formatImportReport({ ...base, status: 'rejected', rowCount: 0, issues }, 'en', 3);
    expect(text.split('\n')).toEqual([
      'Import refused (32 issue(s)): nothing was written to road_segments — rues.zip (shapefile, 3)',
      '',
      '  file /properties [unknown-attribute] Attributes matching no property: name',
      '  feature 0 /properties/road_class [invalid-enum-value] not an allowed value (attribute fclass)',
      '  feature 1 /properties/road_class [invalid-enum-value] not an allowed value (attribute fclass)',
      '  … and 29 more',
      '',
      'Summary:',
      '       30 × invalid-enum-value /properties/road_class',
      '        1 × unknown-attribute /properties',
      '        1 × coordinate-out-of-range /geometry/coordinates/*/*',
    ]);
  });

  it('speaks Arabic', () => {
    const text = formatImportReport({ ...base, status: 'rejected', rowCount: 0, issues: [enumIssue(4)] }, 'ar');
    expect(text).toContain('رُفض الاستيراد');
    expect(text).toContain('الكائن 4 /properties/road_class [invalid-enum-value] قيمة غير مسموح بها (الخاصية fclass)');
  });
});
