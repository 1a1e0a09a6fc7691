import { PREFECTURES } from './admin-areas.ts';
import { getArrondissementAreas } from './admin-geometry.ts';
import { type EstablishmentRow, buildEstablishments } from './establishments.ts';
import type { LonLat } from './geometry.ts';
import { type InspectionRow, buildInspections, latestGrades } from './inspections.ts';
import { type PermitRow, buildPermits } from './permits.ts';
import type { RoadSegmentRow } from './road-types.ts';
import { buildRoadSegments } from './roads.ts';
import { type TransitRows, buildTransitRows } from './transit.ts';

/** An admin_areas row to be: préfectures carry no geometry here (the loader unions their arrondissements). */
export interface AdminAreaRow {
  level: 'prefecture' | 'arrondissement';
  code: string;
  parent_code: string | null;
  name_fr: string;
  name_ar: string;
  population: number;
  geometry: { type: 'MultiPolygon'; coordinates: LonLat[][][] } | null;
}

/** Every row of the Casablanca sample, ready for the loader. Deterministic: same rows on every machine. */
export interface SampleDataset {
  adminAreas: AdminAreaRow[];
  roadSegments: RoadSegmentRow[];
  transit: TransitRows;
  permits: PermitRow[];
  establishments: EstablishmentRow[];
  inspections: InspectionRow[];
}

function buildAdminAreas(): AdminAreaRow[] {
  const areas = getArrondissementAreas();
  const prefectures = PREFECTURES.map((prefecture): AdminAreaRow => ({
    level: 'prefecture',
    code: prefecture.code,
    parent_code: null,
    name_fr: prefecture.nameFr,
    name_ar: prefecture.nameAr,
    population: areas.filter((area) => area.prefectureCode === prefecture.code).reduce((sum, area) => sum + area.population, 0),
    geometry: null,
  }));
  const arrondissements = areas.map((area): AdminAreaRow => ({
    level: 'arrondissement',
    code: area.code,
    parent_code: area.prefectureCode,
    name_fr: area.nameFr,
    name_ar: area.nameAr,
    population: area.population,
    geometry: { type: 'MultiPolygon', coordinates: area.coordinates },
  }));
  return [...prefectures, ...arrondissements];
}

let cached: SampleDataset | undefined;

/** Builds the sample once per process (about a third of a second) and returns the same object after. */
export function getSampleDataset(): SampleDataset {
  if (cached) return cached;
  const roadSegments = buildRoadSegments();
  const establishments = buildEstablishments(roadSegments);
  const inspections = buildInspections(establishments.map((establishment) => establishment.category));
  const grades = latestGrades(establishments.length, inspections);
  cached = {
    adminAreas: buildAdminAreas(),
    roadSegments,
    transit: buildTransitRows(),
    permits: buildPermits(),
    establishments: establishments.map((establishment, index) => ({ ...establishment, latest_grade: grades[index] ?? null })),
    inspections,
  };
  return cached;
}
