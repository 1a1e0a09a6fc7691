import type { Labels } from '../layers/layer-definition.ts';
import type { ImportIssue } from './import-issue.ts';

/** One feature as the source file holds it, before mapping and validation. */
export interface SourceFeature {
  /** 0-based position in the file: the number people are told when something is wrong. */
  index: number;
  /** Attributes by their source names; values as the format gives them (DBF dates already YYYY-MM-DD). */
  properties: Record<string, unknown>;
  /** A GeoJSON geometry in EPSG:4326 lon/lat as read (unchecked), or null when the feature has none. */
  geometry: unknown;
}

/** What a reader hands to the importer: features, the attribute names they use, notes and issues. */
export interface SourceDataset {
  /** Absent when the file could not be read or its format not recognised. */
  format?: 'geojson' | 'shapefile';
  features: SourceFeature[];
  /** Every attribute name found, in first-seen order (a DBF's fields; the union of GeoJSON properties). */
  attributes: string[];
  /** Things the person importing should know that do not stop the import (an assumption made, say). */
  notes: Labels[];
  /** Problems that stop the import; readers collect as many as they can before giving up. */
  issues: ImportIssue[];
}

/** Names of all attributes in first-seen order. */
export function collectAttributes(features: readonly SourceFeature[]): string[] {
  const names = new Set<string>();
  for (const feature of features) for (const name of Object.keys(feature.properties)) names.add(name);
  return [...names];
}

/** An empty dataset carrying only file-level issues. */
export function failedDataset(format: SourceDataset['format'], issues: ImportIssue[]): SourceDataset {
  return { ...(format ? { format } : {}), features: [], attributes: [], notes: [], issues };
}
