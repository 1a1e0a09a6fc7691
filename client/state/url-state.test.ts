import { describe, expect, it } from 'vitest';
import { formatMapHash, parseFeatureParameter, parseMapHash, withFeatureParameter } from './url-state.ts';

describe('the map position in the URL hash', () => {
  it('reads #map=zoom/lat/lon as OpenStreetMap writes it', () => {
    expect(parseMapHash('#map=15.5/33.5928/-7.6186')).toEqual({ zoom: 15.5, latitude: 33.5928, longitude: -7.6186 });
  });

  it('ignores a missing, malformed or impossible position', () => {
    for (const hash of ['', '#', '#map=', '#map=12/33.5', '#map=a/b/c', '#map=30/33.5/-7.6', '#map=12/91/-7.6', '#map=12/33.5/-200', '#zoom=12']) {
      expect(parseMapHash(hash), hash).toBeNull();
    }
  });

  it('writes as many decimals as the zoom needs, and reads back what it wrote', () => {
    expect(formatMapHash({ zoom: 11.5, latitude: 33.592812345, longitude: -7.618612345 })).toBe('#map=11.5/33.5928/-7.6186');
    expect(formatMapHash({ zoom: 17.25, latitude: 33.592812345, longitude: -7.618612345 })).toBe('#map=17.25/33.59281/-7.61861');
    const position = { zoom: 14.33, latitude: 33.5731, longitude: -7.5898 };
    expect(parseMapHash(formatMapHash(position))).toEqual(position);
  });
});

describe('the open feature in the query string', () => {
  it('reads layer/id', () => {
    expect(parseFeatureParameter('?lang=ar&feature=road_segments/42')).toEqual({ layerId: 'road_segments', featureId: '42' });
  });

  it('ignores anything that is not a layer id and a feature id', () => {
    for (const search of ['', '?feature=', '?feature=road_segments', '?feature=/42', '?feature=Road/1', '?feature=a/b/c', "?feature=x/1'--", '?feature=../etc/passwd']) {
      expect(parseFeatureParameter(search), search).toBeNull();
    }
  });

  it('sets and removes the feature, keeping the other parameters', () => {
    const opened = withFeatureParameter('?lang=ar&test=1', { layerId: 'permits', featureId: '7' });
    expect(new URLSearchParams(opened).get('feature')).toBe('permits/7');
    expect(new URLSearchParams(opened).get('lang')).toBe('ar');
    expect(withFeatureParameter(opened, null)).toBe('?lang=ar&test=1');
    expect(withFeatureParameter('?feature=permits/7', null)).toBe('');
  });
});
