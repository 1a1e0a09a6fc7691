import type { LonLat } from './geometry.ts';

/** Values of road_segments.road_class (see the CHECK in migration 0002). */
export type RoadClass = 'motorway' | 'trunk' | 'primary' | 'secondary' | 'tertiary' | 'residential' | 'service' | 'pedestrian';
export type RoadSurface = 'asphalt' | 'concrete' | 'paving_stones' | 'gravel' | 'unpaved';
export type RoadCondition = 'good' | 'fair' | 'poor' | 'critical';
export type Sidewalks = 'none' | 'left' | 'right' | 'both';

/** A named street drawn by hand as one polyline (EPSG:4326), before it is cut into segments. */
export interface RoadAxis {
  nameFr: string;
  nameAr: string;
  roadClass: RoadClass;
  /** Carriageway lanes, both directions together. */
  lanes: number;
  /** Width between building lines or kerbs, metres. */
  widthM: number;
  isOneWay?: boolean;
  surface?: RoadSurface;
  line: LonLat[];
}

/** One road_segments row, keyed by column name, with its geometry as GeoJSON. */
export interface RoadSegmentRow {
  name_fr: string | null;
  name_ar: string | null;
  road_class: RoadClass;
  surface: RoadSurface;
  condition: RoadCondition;
  width_m: number;
  lanes: number;
  sidewalks: Sidewalks;
  is_lit: boolean;
  is_one_way: boolean;
  /** ISO date of the last resurfacing or rebuild, null when unknown. */
  last_works_on: string | null;
  geometry: { type: 'LineString'; coordinates: LonLat[] };
}
