import type { LayerDefinition, PropertyType } from '../layers/layer-definition.ts';
import { toJsonPointer } from '../layers/property-validation.ts';
import { fileIssue, type ImportIssue, labels } from './import-issue.ts';

/** One distinct value of a source attribute and what it became (refused: no value of the property fits). */
export interface ValueOutcome {
  source: string;
  count: number;
  result: unknown;
  isRefused: boolean;
  /** Whether a --map-value said what it means. */
  isExplicit: boolean;
}

/** What one attribute gave one property across the file. */
export interface AttributeValues {
  attribute: string;
  property: string;
  type: PropertyType;
  /** Features where the attribute had no value (the property stays unknown). */
  nulls: number;
  distinct: number;
  /** Every distinct value, most frequent first, for properties with a closed set of values (enum, boolean). */
  values: ValueOutcome[];
}

/** Types whose values are a closed set: every source value is listed with what it became. */
const CLOSED_TYPES: readonly PropertyType[] = ['enum', 'boolean'];

function describe(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Counts, per attribute and property, each distinct source value and what it became, so the import
 * report can say it ("oneway: F 2,853 -> true"), and turns the values a closed property cannot take into
 * one issue per attribute (Geofabrik's oneway B is not yes or no) instead of one per feature.
 */
export class ValueTally {
  readonly #entries = new Map<string, { attribute: string; property: string; nulls: number; values: Map<string, ValueOutcome> }>();

  constructor(readonly layer: LayerDefinition) {}

  /** One feature's value of `attribute` for `property`, and what it became. */
  record(attribute: string, property: string, source: unknown, result: unknown, isRefused: boolean, isExplicit: boolean): void {
    const id = `${attribute}\u0000${property}`;
    const entry = this.#entries.get(id) ?? { attribute, property, nulls: 0, values: new Map() };
    this.#entries.set(id, entry);
    if (source === null || source === undefined || (typeof source === 'string' && source.trim() === '')) {
      entry.nulls += 1;
      return;
    }
    const key = describe(source);
    const outcome = entry.values.get(key) ?? { source: key, count: 0, result, isRefused, isExplicit };
    outcome.count += 1;
    entry.values.set(key, outcome);
  }

  summary(): AttributeValues[] {
    return [...this.#entries.values()].map((entry) => {
      const type = this.layer.properties[entry.property]!.type;
      const values = [...entry.values.values()].sort((a, b) => b.count - a.count || a.source.localeCompare(b.source));
      return { attribute: entry.attribute, property: entry.property, type, nulls: entry.nulls, distinct: values.length, values: CLOSED_TYPES.includes(type) ? values : [] };
    });
  }

  /**
   * One issue per attribute whose values a closed property cannot take, listing them and the way out. A
   * yes/no attribute with values of its own (Geofabrik's oneway: B both ways, F forward, T backward) is
   * read only through --map-value for each of its values: once one value needs saying, F and T can no
   * longer be trusted to mean false and true.
   */
  refusals(): ImportIssue[] {
    return this.summary().flatMap((entry) => {
      const isBoolean = entry.type === 'boolean';
      const needsAll = isBoolean && entry.values.some((value) => value.isRefused || value.isExplicit);
      const refused = entry.values.filter((value) => (needsAll ? !value.isExplicit : value.isRefused));
      if (refused.length === 0) return [];
      const property = this.layer.properties[entry.property]!;
      const allowed = isBoolean ? ['true', 'false'] : Object.keys(property.values ?? {});
      const all = entry.values.map((value) => `${value.source} (${value.count})`).join(', ');
      const shown = refused.map((value) => value.source).join(', ');
      const example = refused.map((value) => `--map-value ${entry.property}:${value.source}=${isBoolean ? 'true|false' : '…'}`).join(' ');
      const message = isBoolean
        ? labels(
          `L’attribut ${entry.attribute} vaut ${all} : le sens de ${shown} pour ${entry.property} (${allowed.join(', ')}) n’est pas sûr`,
          `الخاصية ${entry.attribute} تحمل ${all}: معنى ${shown} بالنسبة لـ ${entry.property} (${allowed.join(', ')}) غير مؤكد`,
          `Attribute ${entry.attribute} holds ${all}: what ${shown} means for ${entry.property} (${allowed.join(', ')}) is not certain`,
        )
        : labels(
          `L’attribut ${entry.attribute} vaut ${all} : ${shown} ne correspond à aucune valeur de ${entry.property} (${allowed.join(', ')})`,
          `الخاصية ${entry.attribute} تحمل ${all}: ${shown} لا تقابل أي قيمة لـ ${entry.property} (${allowed.join(', ')})`,
          `Attribute ${entry.attribute} holds ${all}: ${shown} matches no value of ${entry.property} (${allowed.join(', ')})`,
        );
      const issue = fileIssue(isBoolean ? 'ambiguous-value' : 'unmapped-value', message, toJsonPointer('properties', entry.property));
      const hint = labels(`dites ce que veut dire chaque valeur : ${example}`, `بيّن معنى كل قيمة: ${example}`, `say what each value means: ${example}`);
      return [{ ...issue, attribute: entry.attribute, field: entry.property, hint }];
    });
  }
}
