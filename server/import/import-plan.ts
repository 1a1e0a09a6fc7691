import type { Geometry } from 'geojson';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { buildPropertyValidator } from '../layers/property-validation.ts';
import { findRowIssues, parentLevelIssue } from '../layers/row-checks.ts';
import { type ImportIssue, labels } from './import-issue.ts';
import type { DerivedParent, ParentRef } from './import-parents.ts';
import type { ImportRow, WriteRow } from './import-row.ts';

/** What the transaction found before planning: ids for new rows, the features kept keys point at. */
export interface PlanContext {
  layer: LayerDefinition;
  rows: readonly ImportRow[];
  /** Source key → id of the feature an earlier import made of it. */
  keyed: ReadonlyMap<string, number>;
  parents: ReadonlyMap<number, ParentRef>;
  derived: readonly (DerivedParent & { geometry: Geometry })[];
  /** Ids reserved for the rows that create features, handed out in order. */
  reservedIds: readonly number[];
  /** Whether the layer's features are all removed first (no existing feature is updated). */
  isReplace: boolean;
}

/** How many new ids the plan needs (rows without a kept key, derived parents that do not exist yet). */
export function countNewRows(rows: readonly ImportRow[], keyed: ReadonlyMap<string, number>, derived: readonly DerivedParent[], isReplace: boolean): number {
  const updates = isReplace ? 0 : rows.filter((row) => row.key !== undefined && keyed.has(row.key)).length;
  const parentUpdates = isReplace ? 0 : derived.filter((parent) => parent.existingId !== undefined).length;
  return rows.length - updates + derived.length - parentUpdates;
}

function derivedIssue(link: string, issue: { pointer: string; code: string; message: { fr: string; ar: string; en: string }; hint?: { fr: string; ar: string; en: string } }): ImportIssue {
  const message = labels(`zone parente dérivée « ${link} » : ${issue.message.fr}`, `المنطقة الأم المشتقة « ${link} »: ${issue.message.ar}`, `derived parent "${link}": ${issue.message.en}`);
  return { ...(issue as ImportIssue), message, hint: issue.hint ?? labels('donnez-la avec --parent-from <propriété>=<attribut>', 'أعطها بـ --parent-from <propriété>=<attribut>', 'give it with --parent-from <property>=<attribute>') };
}

/**
 * The rows to write, with their ids, parents and depth in the hierarchy, and the registry's row rules
 * checked on each (the level of a parent included): everything decided before the first write.
 */
export function planWrites(context: PlanContext): { writes: WriteRow[]; issues: ImportIssue[] } {
  const { layer, rows, keyed, parents, derived, isReplace } = context;
  const ids = [...context.reservedIds];
  const issues: ImportIssue[] = [];
  const hierarchy = layer.hierarchy;
  const validate = buildPropertyValidator(layer);
  const derivedRows = new Map<string, WriteRow>();
  for (const parent of derived) {
    const isUpdate = !isReplace && parent.existingId !== undefined;
    const row: WriteRow = { derivedLink: parent.link, values: { ...parent.values }, geometry: parent.geometry, id: isUpdate ? parent.existingId! : ids.shift()!, isUpdate, depth: 0 };
    derivedRows.set(parent.link, row);
    for (const issue of validate(row.values, 'create').issues) issues.push(derivedIssue(parent.link, issue));
  }
  const fileRows = new Map<number, WriteRow>();
  for (const row of rows) {
    const kept = !isReplace && row.key !== undefined ? keyed.get(row.key) : undefined;
    fileRows.set(row.featureIndex, { featureIndex: row.featureIndex, values: { ...row.values }, geometry: row.geometry, ...(row.key !== undefined ? { key: row.key } : {}), id: kept ?? ids.shift()!, isUpdate: kept !== undefined, depth: 0 });
  }
  const parentOf = (featureIndex: number): { row?: WriteRow; id: number; level: string | null } | undefined => {
    const ref = parents.get(featureIndex);
    if (!ref) return undefined;
    if (ref.kind === 'existing') return { id: ref.id, level: ref.level };
    const row = ref.kind === 'row' ? fileRows.get(ref.featureIndex)! : derivedRows.get(ref.link)!;
    return { row, id: row.id, level: hierarchy ? String(row.values[hierarchy.levelProperty] ?? '') : null };
  };
  const depthOf = (featureIndex: number, seen: Set<number>): number => {
    const parent = parents.get(featureIndex);
    if (!parent || parent.kind === 'existing') return 0;
    if (parent.kind === 'derived') return 1;
    if (seen.has(parent.featureIndex)) return Number.POSITIVE_INFINITY;
    return 1 + depthOf(parent.featureIndex, new Set([...seen, featureIndex]));
  };
  for (const [featureIndex, write] of fileRows) {
    const parent = parentOf(featureIndex);
    if (hierarchy && parent) write.values[hierarchy.parentProperty] = parent.id;
    write.depth = depthOf(featureIndex, new Set([featureIndex]));
    const found = findRowIssues(layer, write.values);
    const level = hierarchy ? write.values[hierarchy.levelProperty] : undefined;
    const wrongLevel = parent?.level ? parentLevelIssue(layer, level, parent.level) : undefined;
    if (!Number.isFinite(write.depth)) {
      found.push({ pointer: hierarchy ? `/properties/${hierarchy.parentProperty}` : '', code: 'parent-level', message: labels('les rattachements forment une boucle', 'التبعيات تشكل حلقة', 'the parents form a loop'), hint: labels('corrigez les rattachements', 'صحّح التبعيات', 'correct the parents') });
    }
    for (const issue of [...found, ...(wrongLevel ? [wrongLevel] : [])]) issues.push({ featureIndex, field: issue.pointer.split('/')[2] ?? '', ...issue });
  }
  for (const [link, write] of derivedRows) for (const issue of findRowIssues(layer, write.values)) issues.push(derivedIssue(link, issue));
  return { writes: [...derivedRows.values(), ...fileRows.values()], issues };
}
