import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { PublicArchive } from '../../api/public-archive.ts';
import { ARCHIVE_SOURCE_ID, placeInPart, planLayerTiles } from './tile-sources.ts';

const ROUTES = { id: 'transit_routes', minzoom: 0, maxzoom: 22 };
const STOPS = { id: 'transit_stops', minzoom: 11, maxzoom: 22 };
const archive = (changes: Partial<PublicArchive> = {}): PublicArchive => ({
  url: '/archives/casa-sig-public-0123456789abcdef.pmtiles',
  minZoom: 0,
  maxZoom: 15,
  layers: ['transit_routes', 'transit_stops'],
  ...changes,
});

describe('where a layer’s tiles come from', () => {
  it('is live tiles for every zoom without an archive (staff, or none published)', () => {
    expect(planLayerTiles(ROUTES, null)).toEqual([{ source: 'live', minzoom: 0, maxzoom: 24, idSuffix: '' }]);
    expect(planLayerTiles({ id: 'permits', minzoom: 11, maxzoom: 18 }, null)).toEqual([{ source: 'live', minzoom: 11, maxzoom: 19, idSuffix: '' }]);
  });

  it('is the archive for every zoom of a layer it holds, its deepest tiles overzoomed past z15', () => {
    expect(planLayerTiles(ROUTES, archive())).toEqual([{ source: 'archive', minzoom: 0, maxzoom: 24, idSuffix: '' }]);
    expect(planLayerTiles(STOPS, archive())).toEqual([{ source: 'archive', minzoom: 11, maxzoom: 24, idSuffix: '' }]);
  });

  it('is live tiles for a layer the archive does not hold', () => {
    expect(planLayerTiles({ id: 'inspections', minzoom: 12, maxzoom: 22 }, archive())).toEqual([{ source: 'live', minzoom: 12, maxzoom: 24, idSuffix: '' }]);
  });

  it('is live tiles for the zooms an archive built for fewer zooms lacks', () => {
    expect(planLayerTiles(ROUTES, archive({ minZoom: 10, maxZoom: 13 }))).toEqual([
      { source: 'live', minzoom: 0, maxzoom: 10, idSuffix: '@live-below' },
      { source: 'archive', minzoom: 10, maxzoom: 14, idSuffix: '' },
      { source: 'live', minzoom: 14, maxzoom: 24, idSuffix: '@live-above' },
    ]);
    // Zooms that do not meet: live tiles only.
    expect(planLayerTiles(STOPS, archive({ minZoom: 0, maxZoom: 10 }))).toEqual([{ source: 'live', minzoom: 11, maxzoom: 24, idSuffix: '' }]);
    // A layer that stops at z12 is whole in an archive that reaches z12.
    expect(planLayerTiles({ id: 'transit_routes', minzoom: 0, maxzoom: 12 }, archive({ maxZoom: 12 }))).toEqual([{ source: 'archive', minzoom: 0, maxzoom: 13, idSuffix: '' }]);
  });
});

describe('a style layer in a part', () => {
  const line: LayerSpecification = { id: 'transit_routes:line', type: 'line', source: 'transit_routes', 'source-layer': 'transit_routes', minzoom: 0 };
  const label: LayerSpecification = { id: 'transit_stops:label', type: 'symbol', source: 'transit_stops', 'source-layer': 'transit_stops', minzoom: 13, maxzoom: 23 };

  it('reads the archive’s source, keeping its MVT layer and id', () => {
    expect(placeInPart(line, { source: 'archive', minzoom: 0, maxzoom: 24, idSuffix: '' })).toEqual({ ...line, source: ARCHIVE_SOURCE_ID });
  });

  it('is narrowed to the part’s zooms, with its own id for a second part', () => {
    expect(placeInPart(line, { source: 'live', minzoom: 14, maxzoom: 24, idSuffix: '@live-above' })).toEqual({ ...line, id: 'transit_routes:line@live-above', minzoom: 14 });
    expect(placeInPart(label, { source: 'archive', minzoom: 10, maxzoom: 14, idSuffix: '' })).toEqual({ ...label, source: ARCHIVE_SOURCE_ID, minzoom: 13, maxzoom: 14 });
  });

  it('is left out of a part whose zooms it does not draw', () => {
    expect(placeInPart(label, { source: 'live', minzoom: 0, maxzoom: 10, idSuffix: '@live-below' })).toBeNull();
  });

  it('leaves layers without a source (the background) as they are', () => {
    const background: LayerSpecification = { id: 'basemap:sea', type: 'background' };
    expect(placeInPart(background, { source: 'archive', minzoom: 5, maxzoom: 6, idSuffix: '' })).toBe(background);
  });
});
