import type * as maplibregl from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { MapEdits } from './map-edits.ts';
import { OverlayRegistry } from './overlay-registry.ts';
import { ARCHIVE_SOURCE_ID } from './style/tile-sources.ts';

/** Just enough of a map drawing road segments from the public archive and permits from live tiles. */
function fakeMap(refreshed: string[]): maplibregl.Map {
  const layers = [
    { id: 'road_segments:line', type: 'line', source: ARCHIVE_SOURCE_ID, 'source-layer': 'road_segments' },
    { id: 'permits:circle', type: 'circle', source: 'permits', 'source-layer': 'permits' },
  ];
  return {
    getSource: (id: string) => (id === 'permits' ? {} : undefined),
    getStyle: () => ({ layers, sources: {} }),
    refreshTiles: (id: string) => refreshed.push(id),
  } as unknown as maplibregl.Map;
}

const archive = { url: '/archives/casa-sig-public-1.pmtiles', minZoom: 0, maxZoom: 15, layers: ['road_segments', 'transit_stops'] };

describe('MapEdits.refreshPlaces', () => {
  it('asks a live layer’s tiles again, and takes an edited layer out of the public archive (once)', () => {
    const refreshed: string[] = [];
    let restyles = 0;
    const edits = new MapEdits(() => fakeMap(refreshed), new OverlayRegistry(), () => {
      restyles += 1;
    });
    edits.refreshPlaces('permits', [[-7.6, 33.5, -7.59, 33.51]]);
    expect(refreshed).toEqual(['permits']);
    expect(restyles).toBe(0);
    expect(edits.archiveOfUnedited(archive)).toBe(archive);

    edits.refreshPlaces('road_segments', [[-7.6326, 33.5872, -7.6324, 33.5874]]);
    edits.refreshPlaces('road_segments', [[-7.6326, 33.5872, -7.6324, 33.5874]]);
    expect(restyles).toBe(1);
    expect(edits.archiveOfUnedited(archive)).toEqual({ ...archive, layers: ['transit_stops'] });
    expect(edits.archiveOfUnedited(null)).toBeNull();
    expect(edits.tileUrl('http://casa.example/tiles/road_segments/16/31378/26269.mvt')).toBe('http://casa.example/tiles/road_segments/16/31378/26269.mvt?rev=3');
  });
});
