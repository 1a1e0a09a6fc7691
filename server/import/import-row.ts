import type { Geometry } from 'geojson';
import type { PropertyValue } from '../layers/property-validation.ts';

/** One validated feature of the file, ready for its table. */
export interface ImportRow {
  /** 0-based position in the source file. */
  featureIndex: number;
  /** Non-null property values by API name (absent properties take the column default, or stay unknown). */
  values: Record<string, PropertyValue>;
  /** 2D GeoJSON geometry in EPSG:4326, already of one of the layer's geometry types. */
  geometry: Geometry;
  /** The feature's id in its source (`--key`). */
  key?: string;
  /** What names the feature's parent (`--parent`): the value its parent has for the linking property. */
  parentLink?: string;
  /** Properties a parent derived from this feature's group takes from it (`--parent-from`). */
  parentValues?: Record<string, unknown>;
}

/** A row as it is written: a feature of the file, or a parent derived by dissolving its children. */
export interface WriteRow {
  /** Position in the file; absent for a derived parent. */
  featureIndex?: number;
  /** For a derived parent: the value its children name it by. */
  derivedLink?: string;
  values: Record<string, PropertyValue>;
  geometry: Geometry;
  key?: string;
  /** The feature's id: reserved for a new one, the existing one for an update. */
  id: number;
  /** Whether the row updates an existing feature (kept key or existing parent) rather than creating one. */
  isUpdate: boolean;
  /** Depth in the hierarchy among the rows written (0: its parent, if any, is not written by this import). */
  depth: number;
}
