import { describe, expect, it } from 'vitest';
import { parseImportArgs } from './parse-import-args.ts';

describe('parseImportArgs', () => {
  it('reads the layer, the file and every option', () => {
    const { command } = parseImportArgs([
      'road_segments', 'data/rues "x".zip',
      '--map', 'fclass=road_class', '--map', 'a=b=c=name_fr', '--map', 'osm_id=',
      '--set', 'surface=paving_stones', '--set', 'name_ar=a=b',
      '--map-value', 'road_class:living_street=residential', '--map-value', 'road_class:a:b=service', '--map-value', 'is_one_way:B=false',
      '--ignore-unknown', '--dry-run', '--lang', 'ar', '--max-issues', '5',
    ]);
    expect(command).toEqual({
      layerId: 'road_segments',
      filePath: 'data/rues "x".zip',
      language: 'ar',
      maxIssues: 5,
      options: {
        attributeMap: { fclass: 'road_class', 'a=b=c': 'name_fr', osm_id: '' },
        constants: { surface: 'paving_stones', name_ar: 'a=b' },
        valueMaps: { road_class: { living_street: 'residential', 'a:b': 'service' }, is_one_way: { B: 'false' } },
        isUnknownIgnored: true,
        isDryRun: true,
      },
    });
  });

  it('defaults to French, 20 issues, no options', () => {
    expect(parseImportArgs(['permits', 'p.geojson']).command).toEqual({
      layerId: 'permits',
      filePath: 'p.geojson',
      language: 'fr',
      maxIssues: 20,
      options: { attributeMap: {}, constants: {}, valueMaps: {}, isUnknownIgnored: false, isDryRun: false },
    });
  });

  it.each([
    [[], /expected <layer> <file>, got 0/],
    [['a', 'b', 'c'], /got 3/],
    [['a', 'b', '--map', 'nothing'], /--map nothing: expected name=value/],
    [['a', 'b', '--map', '=x'], /expected name=value/],
    [['a', 'b', '--set', 'p=1', '--set', 'p=2'], /--set p given twice/],
    [['a', 'b', '--map-value', 'road_class=x'], /expected property:from=to/],
    [['a', 'b', '--lang', 'de'], /--lang must be fr, ar or en/],
    [['a', 'b', '--max-issues', '-1'], /--max-issues/],
    [['a', 'b', '--frobnicate'], /frobnicate/],
  ])('refuses %j', (argv, message) => {
    expect(parseImportArgs(argv).error).toMatch(message);
  });

  it('asks for help, about one layer when it is named', () => {
    expect(parseImportArgs(['-h']).help).toEqual({ language: 'fr' });
    expect(parseImportArgs(['admin_areas', '--help', '--lang', 'ar']).help).toEqual({ layerId: 'admin_areas', language: 'ar' });
  });
});
