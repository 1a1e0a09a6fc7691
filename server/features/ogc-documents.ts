import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { Bbox } from '../layers/geometry-bbox.ts';

/** Static parts of the OGC API - Features documents (landing page, conformance, collections). */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const GEOJSON = 'application/geo+json';

export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete',
  'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update',
  'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags',
  'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features',
];

export function landingPage(origin: string) {
  return {
    title: 'casa-sig – Ville de Casablanca',
    description: 'OGC API - Features (Parts 1 and 4) of the geographic information system of Casablanca',
    links: [
      { rel: 'self', type: 'application/json', title: 'This document', href: `${origin}/ogc` },
      { rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', title: 'API definition', href: `${origin}/ogc/api` },
      { rel: 'conformance', type: 'application/json', title: 'Conformance classes', href: `${origin}/ogc/conformance` },
      { rel: 'data', type: 'application/json', title: 'Collections', href: `${origin}/ogc/collections` },
    ],
  };
}

/** A collection; its extent is its own features' (or the region's, while it has none). */
export function collectionDocument(layer: LayerDefinition, origin: string, extent: Bbox) {
  const base = `${origin}/ogc/collections/${layer.id}`;
  return {
    id: layer.id,
    title: layer.title.fr,
    description: layer.description.fr,
    titles: layer.title,
    itemType: 'feature',
    crs: [CRS84],
    storageCrs: CRS84,
    extent: { spatial: { bbox: [extent], crs: CRS84 } },
    links: [
      { rel: 'self', type: 'application/json', title: layer.title.fr, href: base },
      { rel: 'items', type: GEOJSON, title: layer.title.fr, href: `${base}/items` },
      { rel: 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector', type: 'application/json', title: 'TileJSON', href: `${origin}/tiles/${layer.id}.json` },
    ],
  };
}
