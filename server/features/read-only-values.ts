import type { LayerDefinition, PropertyDefinition } from '../layers/layer-definition.ts';
import { readOnlyIssue, toJsonPointer } from '../layers/property-validation.ts';
import type { FeatureIssue } from './write-errors.ts';

/**
 * Whether a value sent for a read-only property is the one stored, as clients write it back: an instant in
 * another notation (GDAL writes "2026/12/07 05:18:12.192+00") is the same instant; a list the same items.
 */
function isSameValue(property: PropertyDefinition, sent: unknown, stored: unknown): boolean {
  if (sent === null || sent === undefined || stored === null || stored === undefined) return (sent ?? null) === (stored ?? null);
  if (property.type === 'datetime') {
    const instant = (value: unknown) => Date.parse(String(value).replace(/^(\d{4})\/(\d{2})\/(\d{2}) /, '$1-$2-$3T').replace(/([+-]\d{2})$/, '$1:00'));
    return instant(sent) === instant(stored);
  }
  if (Array.isArray(stored)) return Array.isArray(sent) && sent.length === stored.length && sent.every((item, index) => String(item) === String(stored[index]));
  if (typeof stored === 'number') return Number(sent) === stored;
  return String(sent) === String(stored);
}

/**
 * Read-only properties sent with a replace or an update (what QGIS and GDAL read and send back): accepted
 * when they hold the feature's current values, refused (422) when changed.
 */
export function changedReadOnlyIssues(layer: LayerDefinition, sent: Readonly<Record<string, unknown>> | undefined, stored: Readonly<Record<string, unknown>>): FeatureIssue[] {
  return Object.entries(sent ?? {}).flatMap(([name, value]) => {
    const property = layer.properties[name]!;
    return isSameValue(property, value, stored[name]) ? [] : [readOnlyIssue(toJsonPointer('properties', name), name, property)];
  });
}
