import { CENTRE } from './layer-fixtures.ts';

/**
 * A valid GeoJSON Feature body for each layer, varied by `seed` so that several can coexist (unique
 * references and codes, distinct places near CENTRE). `establishmentId` is needed for inspections.
 */
export function validFeature(layerId: string, seed: number, establishmentId?: number): { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> } {
  const lon = CENTRE[0] + (seed % 50) * 0.0004;
  const lat = CENTRE[1] + Math.floor(seed / 50) * 0.0004;
  const point = { type: 'Point', coordinates: [lon, lat] };
  const square = (size: number) => [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]];
  switch (layerId) {
    case 'admin_areas':
      return {
        type: 'Feature',
        geometry: { type: 'MultiPolygon', coordinates: [square(0.0003)] },
        properties: { level: 'prefecture', code: `T${seed}`, name_fr: `Zone ${seed}`, name_ar: `منطقة ${seed}`, population: 1000 + seed },
      };
    case 'road_segments':
      return {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [[lon, lat], [lon + 0.0003, lat + 0.0001]] },
        properties: { name_fr: `Rue d'essai ${seed}`, name_ar: `زنقة التجربة ${seed}`, road_class: 'residential', surface: 'asphalt', condition: 'good', width_m: 8, lanes: 2, is_one_way: false },
      };
    case 'permits':
      return {
        type: 'Feature',
        geometry: seed % 2 === 0 ? point : { type: 'Polygon', coordinates: square(0.0001) },
        properties: { reference: `PC-2026-T${String(seed).padStart(5, '0')}`, kind: 'renovation', status: 'submitted', submitted_on: '2026-11-02', applicant_name: `Demandeur ${seed}`, applicant_phone: '+212 600 000 000' },
      };
    case 'establishments':
      return { type: 'Feature', geometry: point, properties: { name_fr: `Snack ${seed}`, category: 'restaurant', operator_name: `Exploitant ${seed}`, latest_grade: 'A' } };
    case 'inspections':
      return {
        type: 'Feature',
        geometry: null,
        properties: { establishment_id: establishmentId, inspected_on: '2026-11-20', inspector_name: `Inspecteur ${seed}`, score: 85, grade: 'A', outcome: 'compliant', violations: [] },
      };
    case 'transit_routes':
      return {
        type: 'Feature',
        geometry: { type: 'MultiLineString', coordinates: [[[lon, lat], [lon + 0.001, lat]]] },
        properties: { mode: 'bus', line_code: `X${seed}`, name_fr: `Ligne ${seed}`, name_ar: `الخط ${seed}`, colour: '#123456', operator: 'Alsa' },
      };
    case 'transit_stops':
      return { type: 'Feature', geometry: point, properties: { code: `S-${seed}`, mode: 'bus', name_fr: `Arrêt ${seed}`, name_ar: `موقف ${seed}` } };
    default:
      throw new Error(`no factory for ${layerId}`);
  }
}

/** A property change that every layer accepts, for PATCH tests. */
export function validPatch(layerId: string): Record<string, unknown> {
  const patches: Record<string, Record<string, unknown>> = {
    admin_areas: { population: 4242 },
    road_segments: { condition: 'poor' },
    permits: { status: 'under_review' },
    establishments: { latest_grade: 'C' },
    inspections: { score: 55, grade: 'C', outcome: 'major_violations' },
    transit_routes: { is_accessible: true },
    transit_stops: { is_accessible: true },
  };
  return patches[layerId]!;
}
