import { checkGeometryShape } from '../../../server/features/geometry-checks.ts';
import { buildPropertyValidator, type PropertyValidator } from '../../../server/layers/property-validation.ts';
import type { PropertyDefinition } from '../../../server/layers/layer-definition.ts';
import type { LayerCatalog, LayerCatalogEntry } from '../../api/layer-catalog.ts';
import type { SegmentDraft } from '../model/segment-draft.ts';
import type { SegmentIssue } from './segment-issue.ts';

/**
 * The server's own pure checks, run in the editor: the shape of a geometry (server/features/geometry-checks.ts)
 * and the values of properties (server/layers/property-validation.ts), fed with the layer as the catalog
 * describes it. The same code judges a value before it is sent and when it arrives, so the form and the
 * server cannot disagree.
 */

/** The server's vertex budget is a setting the editor does not know; hand-drawn roads stay far below it. */
const NO_VERTEX_LIMIT = Number.MAX_SAFE_INTEGER;

const validators = new WeakMap<LayerCatalogEntry, PropertyValidator>();

/** The registry's definition of the editable properties, rebuilt from the catalog (names stand for columns). */
function validatorFor(entry: LayerCatalogEntry): PropertyValidator {
  let validator = validators.get(entry);
  if (!validator) {
    const properties = Object.fromEntries(
      entry.properties.map((property): [string, PropertyDefinition] => [
        property.name,
        {
          column: property.name,
          type: property.type,
          label: property.label,
          required: property.isRequired === true,
          editable: property.isEditable !== false,
          ...(property.values ? { values: Object.fromEntries(property.values.map((value) => [value.value, value.label])) } : {}),
          ...(property.unit ? { unit: property.unit } : {}),
          ...(property.min === undefined ? {} : { min: property.min }),
          ...(property.max === undefined ? {} : { max: property.max }),
        },
      ]),
    );
    validator = buildPropertyValidator({ properties });
    validators.set(entry, validator);
  }
  return validator;
}

/** The names of the properties a planner may write, in the catalog's order. */
export function editableNames(entry: LayerCatalogEntry): string[] {
  return entry.properties.filter((property) => property.isEditable !== false).map((property) => property.name);
}

/** The server's verdict on a segment's values, as a creation (new) or a replacement (saved) would be judged. */
export function checkProperties(draft: SegmentDraft, entry: LayerCatalogEntry): SegmentIssue[] {
  const sent = Object.fromEntries(editableNames(entry).flatMap((name) => (draft.properties[name] === undefined ? [] : [[name, draft.properties[name]]])));
  const { issues } = validatorFor(entry)(sent, draft.id === null ? 'create' : 'replace');
  return issues.map((found) => ({ key: draft.key, severity: 'error', code: found.code, pointer: found.pointer, message: found.message }));
}

/** The server's verdict on a segment's geometry before PostGIS looks at it: `region` is the catalog's `bounds`. */
export function checkShape(draft: SegmentDraft, entry: LayerCatalogEntry, region: LayerCatalog['bounds']): SegmentIssue[] {
  const [west = -180, south = -90, east = 180, north = 90] = region;
  return checkGeometryShape({ geometry: { types: entry.geometryTypes as never } }, draft.geometry, { maxVertices: NO_VERTEX_LIMIT, region: [west, south, east, north] }).map((found) => ({
    key: draft.key,
    severity: 'error',
    code: found.code,
    pointer: found.pointer,
    message: found.message,
    ...(draft.geometry.coordinates[0] ? { place: draft.geometry.coordinates[0] } : {}),
  }));
}
