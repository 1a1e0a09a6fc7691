import type { Position } from 'geojson';
import type { LayerCatalog, LayerCatalogEntry } from '../../api/layer-catalog.ts';
import { isSamePlace, type SegmentDraft } from '../model/segment-draft.ts';
import { haveSameAttributes, joinedLine } from '../operations/merge-segments.ts';
import { crossesItself, degreesBetweenLines, lineLengthMetres, nearestPointOnLine } from './line-geometry.ts';
import { checkProperties, checkShape, editableNames } from './server-rules.ts';
import { issueText, type SegmentIssue } from './segment-issue.ts';

/**
 * Every issue of a segment, by the server's rules: its errors (shape, values, validity) block saving, and
 * once there is none, the warnings the server would return (an end just short of another road, a very
 * short segment, a line crossing itself, leaving the city, touching a twin). Each issue has a place to zoom
 * to and, where there is an obvious one, a fix. Checked against the server with tests/fixtures/road-segment-checks.ts.
 */
/**
 * The area a line is judged against, as the catalog publishes it from the data: leaving the region
 * (`bounds`) is an error, leaving the city (`home`) a warning.
 */
export type CheckArea = Pick<LayerCatalog, 'bounds' | 'home'>;

export interface CheckContext {
  entry: LayerCatalogEntry;
  area: CheckArea;
  /** The other segments around, as the session sees them. */
  network: readonly SegmentDraft[];
  /** Segments saved in the same change set (never each other's twins: a split leaves two alike). */
  sameChangeKeys: ReadonlySet<string>;
}

/** Within this distance (degrees, about a millimetre) two lines touch, as the server counts it. */
const TOUCH_DEGREES = 1e-8;

function isOutside(position: Position, bounds: readonly number[]): boolean {
  const [west = -180, south = -90, east = 180, north = 90] = bounds;
  return position[0]! < west || position[0]! > east || position[1]! < south || position[1]! > north;
}

function invalidity(draft: SegmentDraft): SegmentIssue[] {
  const [first] = draft.geometry.coordinates;
  if (draft.geometry.coordinates.some((position) => !isSamePlace(position, first))) return [];
  return [{ key: draft.key, severity: 'error', code: 'invalid-geometry', pointer: '/geometry', message: issueText((texts) => texts.invalidGeometry), ...(first ? { place: first } : {}) }];
}

function nearMisses(draft: SegmentDraft, context: CheckContext): SegmentIssue[] {
  const metres = context.entry.lineChecks?.nearMissMetres;
  const others = context.network.filter((other) => other.key !== draft.key);
  const line = draft.geometry.coordinates;
  if (!metres || line.length < 2) return [];
  return (['start', 'end'] as const).flatMap((end) => {
    const index = end === 'start' ? 0 : line.length - 1;
    const place = line[index]!;
    if (others.some((other) => degreesBetweenLines([place, place], other.geometry.coordinates) <= TOUCH_DEGREES)) return [];
    const nearest = others.map((other) => nearestPointOnLine(place, other.geometry.coordinates)).sort((a, b) => a.metres - b.metres)[0];
    if (!nearest || nearest.metres > metres) return [];
    return [{ key: draft.key, severity: 'warning' as const, code: 'near-miss-end', pointer: '/geometry', message: issueText((texts) => texts.nearMiss(end, nearest.metres.toFixed(1))), place, fix: { kind: 'snap-end' as const, index, to: nearest.position } }];
  });
}

/** The later of two equal vertices that are not neighbours (a line doubling back on itself), if any. */
function repeatedVertex(line: readonly Position[]): number | undefined {
  for (let later = 2; later < line.length; later += 1) {
    const isRingEnd = later === line.length - 1 && isSamePlace(line[0], line[later]);
    if (!isRingEnd && line.slice(0, later - 1).some((earlier) => isSamePlace(earlier, line[later]))) return later;
  }
  return undefined;
}

function lineWarnings(draft: SegmentDraft, context: CheckContext): SegmentIssue[] {
  const line = draft.geometry.coordinates;
  const warn = (code: string, message: SegmentIssue['message'], extra: Partial<SegmentIssue> = {}): SegmentIssue => ({ key: draft.key, severity: 'warning', code, pointer: '/geometry', message, place: line[0]!, ...extra });
  const issues: SegmentIssue[] = [];
  const shortest = context.entry.lineChecks?.shortSegmentMetres;
  const length = lineLengthMetres(line);
  if (shortest != null && length < shortest) issues.push(warn('short-segment', issueText((texts) => texts.shortSegment(length.toFixed(1)))));
  if (crossesItself(line)) {
    const repeated = repeatedVertex(line);
    issues.push(warn('self-crossing', issueText((texts) => texts.selfCrossing), repeated === undefined ? {} : { place: line[repeated]!, fix: { kind: 'remove-vertex', index: repeated } }));
  }
  const outside = line.find((position) => isOutside(position, context.area.home));
  if (outside) issues.push(warn('outside-city', issueText((texts) => texts.outsideCity), { place: outside }));
  const names = Object.values(context.entry.nameProperties ?? {});
  const isNamed = names.some((name) => draft.properties[name] != null);
  const twins = isNamed
    ? context.network.filter(
        (other) => other.key !== draft.key && !context.sameChangeKeys.has(other.key) && haveSameAttributes(draft, other, editableNames(context.entry)) && degreesBetweenLines(line, other.geometry.coordinates) <= TOUCH_DEGREES,
      )
    : [];
  for (const twin of twins) {
    const canMerge = joinedLine(line, twin.geometry.coordinates) !== null;
    issues.push(warn('duplicate-name-touching', issueText((texts) => texts.duplicateName(String(twin.id))), canMerge ? { fix: { kind: 'merge', withKey: twin.key } } : {}));
  }
  return issues;
}

export function checkSegment(draft: SegmentDraft, context: CheckContext): SegmentIssue[] {
  const shape = checkShape(draft, context.entry, context.area.bounds);
  const errors = [...shape, ...(shape.length === 0 ? invalidity(draft) : []), ...checkProperties(draft, context.entry)];
  if (errors.length > 0) return errors;
  return [...nearMisses(draft, context), ...lineWarnings(draft, context)];
}
