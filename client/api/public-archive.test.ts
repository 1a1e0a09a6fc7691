import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishArchive } from '../../server/tiles/archive-manifest.ts';
import { parsePublicArchive, PUBLIC_ARCHIVE_MANIFEST_URL } from './public-archive.ts';

const directory = mkdtempSync(join(tmpdir(), 'casa-sig-manifest-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A manifest exactly as `npm run tiles:archive` publishes it (the server's own writer). */
function publishedManifest(bytes: string): Record<string, unknown> {
  publishArchive(directory, 'casa-sig-public', Buffer.from(bytes), { tiles: 3, minZoom: 0, maxZoom: 15, layers: ['admin_areas', 'transit_routes', 'transit_stops'] });
  return JSON.parse(readFileSync(join(directory, 'casa-sig-public.json'), 'utf8')) as Record<string, unknown>;
}

describe('the public archive manifest', () => {
  it('is read where the archive script publishes it', () => {
    publishedManifest('first build');
    expect(PUBLIC_ARCHIVE_MANIFEST_URL).toBe('/archives/casa-sig-public.json');
  });

  it('names the current content-hashed archive, its zooms and its layers', () => {
    const manifest = publishedManifest('a build');
    const archive = parsePublicArchive(manifest);
    expect(archive).toEqual({ url: manifest.url, minZoom: 0, maxZoom: 15, layers: ['admin_areas', 'transit_routes', 'transit_stops'] });
    expect(archive?.url).toMatch(/^\/archives\/casa-sig-public-[0-9a-f]{16}\.pmtiles$/);
    // A rebuild with other tiles is another file: the page follows the manifest to it.
    expect(parsePublicArchive(publishedManifest('another build'))?.url).not.toBe(archive?.url);
  });

  it('never leads the page to another origin or another path', () => {
    const manifest = publishedManifest('a build');
    for (const url of [
      'https://cdn.example/archives/casa-sig-public.pmtiles',
      '//cdn.example/archives/casa-sig-public.pmtiles',
      '/archives/../api/casa-sig-public.pmtiles',
      '/tiles/casa-sig-public.pmtiles',
      '/archives/Casa.pmtiles',
      '/archives/casa-sig-public.json',
      'pmtiles:///archives/casa-sig-public.pmtiles',
    ]) {
      expect(parsePublicArchive({ ...manifest, url }), url).toBeNull();
    }
  });

  it('refuses zooms and layers it could not draw, so the page keeps live tiles', () => {
    const manifest = publishedManifest('a build');
    expect(parsePublicArchive({ ...manifest, minZoom: 16, maxZoom: 15 })).toBeNull();
    expect(parsePublicArchive({ ...manifest, maxZoom: 30 })).toBeNull();
    expect(parsePublicArchive({ ...manifest, minZoom: 1.5 })).toBeNull();
    expect(parsePublicArchive({ ...manifest, layers: 'transit_routes' })).toBeNull();
    expect(parsePublicArchive({ ...manifest, layers: ['transit routes'] })).toBeNull();
    for (const body of [null, 'casa-sig-public.pmtiles', [], 42]) expect(parsePublicArchive(body)).toBeNull();
  });
});
