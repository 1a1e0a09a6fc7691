import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { PREFECTURES } from './admin-areas.ts';
import { getArrondissementAreas } from './admin-geometry.ts';
import { type EstablishmentRow, buildEstablishments } from './establishments.ts';
import { type InspectionRow, buildInspections, latestGrades } from './inspections.ts';
import { readOsmRoads } from './osm-data.ts';
import { type PermitRow, buildPermits } from './permits.ts';
import { frontageRoads } from './street-placement.ts';

/**
 * Every row of the Casablanca sample that the project writes itself, ready for the loader: the
 * arrondissements as a file the importer reads (each names its préfecture, which the importer derives by
 * dissolving them), and the fictitious permits, premises and inspections, placed beside the real streets.
 * The streets themselves and the transit network come from data/osm and the sample GTFS feed.
 * Deterministic: same rows on every machine.
 */
export interface SampleDataset {
  arrondissements: FeatureCollection<MultiPolygon>;
  permits: PermitRow[];
  establishments: EstablishmentRow[];
  inspections: InspectionRow[];
}

/**
 * The arrondissements with what their préfecture takes from them: the préfectures d'arrondissements have no
 * geometry of their own in the sample, they are the union of their arrondissements.
 */
function buildArrondissements(): FeatureCollection<MultiPolygon> {
  const areas = getArrondissementAreas();
  const features = areas.map((area): Feature<MultiPolygon> => {
    const prefecture = PREFECTURES.find((candidate) => candidate.code === area.prefectureCode)!;
    return {
      type: 'Feature',
      properties: {
        level: 'arrondissement',
        code: area.code,
        name_fr: area.nameFr,
        name_ar: area.nameAr,
        population: area.population,
        prefecture_code: prefecture.code,
        prefecture_name_fr: prefecture.nameFr,
        prefecture_name_ar: prefecture.nameAr,
        prefecture_population: areas.filter((other) => other.prefectureCode === prefecture.code).reduce((sum, other) => sum + other.population, 0),
      },
      geometry: { type: 'MultiPolygon', coordinates: area.coordinates },
    };
  });
  return { type: 'FeatureCollection', features };
}

let cached: Promise<SampleDataset> | undefined;

/** Builds the sample once per process (a few seconds: the streets are read first) and returns the same after. */
export function loadSampleDataset(): Promise<SampleDataset> {
  cached ??= (async () => {
    const roadsByArea = frontageRoads(await readOsmRoads(), getArrondissementAreas());
    const establishments = buildEstablishments(roadsByArea);
    const inspections = buildInspections(establishments.map((establishment) => establishment.category));
    const grades = latestGrades(establishments.length, inspections);
    return {
      arrondissements: buildArrondissements(),
      permits: buildPermits(roadsByArea),
      establishments: establishments.map((establishment, index) => ({ ...establishment, latest_grade: grades[index] ?? null })),
      inspections,
    };
  })();
  return cached;
}
