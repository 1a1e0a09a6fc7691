import { BadRequestError } from '../http/errors.ts';
import type { PropertyDefinition } from '../layers/layer-definition.ts';
import { isIsoDate, isIsoDateTime } from '../layers/property-validation.ts';
import type { ItemsFilter } from './feature-sql.ts';

/** Query parameters of GET /ogc/collections/{layer}/items, parsed and checked. */
export interface ItemsRequest {
  filter: ItemsFilter;
  /** Read the layer as it was at this instant (ISO 8601). */
  asOf?: string;
}

const FIXED_PARAMETERS = ['limit', 'bbox', 'bbox-crs', 'datetime', 'cursor', 'asOf', 'f'];
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

function single(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new BadRequestError('invalid-parameter', `${name} must be given once`);
  return value;
}

function parseBbox(text: string): [number, number, number, number] {
  const numbers = text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if ((numbers.length !== 4 && numbers.length !== 6) || numbers.some((number) => !Number.isFinite(number))) {
    throw new BadRequestError('invalid-parameter', 'bbox must be four numbers: west,south,east,north (or six with heights)');
  }
  const [west, south, east, north] = numbers.length === 6 ? [numbers[0]!, numbers[1]!, numbers[3]!, numbers[4]!] : (numbers as [number, number, number, number]);
  // west > east is a box crossing the antimeridian (OGC API - Features Part 1 §7.15.3), not an error.
  if (south > north || Math.abs(west) > 180 || Math.abs(east) > 180 || Math.abs(south) > 90 || Math.abs(north) > 90) {
    throw new BadRequestError('invalid-parameter', 'bbox must be west,south,east,north in degrees with south <= north (west > east crosses the antimeridian)');
  }
  return [west, south, east, north];
}

function parseInstant(name: string, text: string): string {
  if (!isIsoDateTime(text) && !isIsoDate(text)) throw new BadRequestError('invalid-parameter', `${name} must be an RFC 3339 date or date-time`);
  return text;
}

/** datetime: an instant, or an interval "start/end" where either side may be ".." (open). */
function parseDatetime(text: string): { from?: string; to?: string } {
  const parts = text.split('/');
  if (parts.length === 1) {
    const instant = parseInstant('datetime', parts[0]!);
    return { from: instant, to: instant };
  }
  if (parts.length !== 2) throw new BadRequestError('invalid-parameter', 'datetime must be an instant or an interval start/end');
  const [start, end] = parts as [string, string];
  const open = (side: string) => side === '..' || side === '';
  if (open(start) && open(end)) throw new BadRequestError('invalid-parameter', 'datetime interval must have at least one end');
  return { ...(open(start) ? {} : { from: parseInstant('datetime', start) }), ...(open(end) ? {} : { to: parseInstant('datetime', end) }) };
}

/** A date property's interval "from/to" (inclusive), either end ".." or empty for open; not both. */
function parseDateInterval(name: string, text: string): { from?: string; to?: string } {
  const parts = text.split('/');
  const isOpen = (side: string) => side === '..' || side === '';
  if (parts.length !== 2 || parts.every(isOpen)) throw new BadRequestError('invalid-parameter', `${name} must be a date or an interval from/to with at least one end`);
  const [from, to] = parts as [string, string];
  for (const side of [from, to]) {
    if (!isOpen(side) && !isIsoDate(side)) throw new BadRequestError('invalid-parameter', `${name} must be dates YYYY-MM-DD`);
  }
  if (!isOpen(from) && !isOpen(to) && from > to) throw new BadRequestError('invalid-parameter', `${name} must not end before it starts`);
  return { ...(isOpen(from) ? {} : { from }), ...(isOpen(to) ? {} : { to }) };
}

function parsePropertyValue(name: string, property: PropertyDefinition, text: string): unknown {
  const fail = (expected: string) => new BadRequestError('invalid-parameter', `${name} must be ${expected}`);
  switch (property.type) {
    case 'integer':
      if (!/^-?\d{1,15}$/.test(text)) throw fail('an integer');
      return Number(text);
    case 'number':
      if (!Number.isFinite(Number(text)) || text.trim() === '') throw fail('a number');
      return Number(text);
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw fail('true or false');
      return text === 'true';
    case 'date':
      if (!isIsoDate(text)) throw fail('a date YYYY-MM-DD');
      return text;
    case 'datetime':
      if (!isIsoDateTime(text)) throw fail('an RFC 3339 date-time');
      return text;
    case 'enum':
      if (!property.values || !Object.hasOwn(property.values, text)) throw fail(`one of ${Object.keys(property.values ?? {}).join(', ')}`);
      return text;
    default:
      return text;
  }
}

/**
 * Parses the items query for one layer. Unknown parameters are a 400 listing the allowed ones; a limit
 * above the maximum is lowered to it (OGC API - Features Part 1 asks for that rather than an error).
 */
export function parseItemsRequest(
  filterable: readonly [string, PropertyDefinition][],
  query: Record<string, unknown>,
  limits: { defaultLimit: number; maxLimit: number },
): ItemsRequest {
  const allowed = [...FIXED_PARAMETERS, ...filterable.map(([name]) => name)];
  const unknown = Object.keys(query).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    throw new BadRequestError('unknown-parameter', `Unknown parameter(s): ${unknown.join(', ')}`, { allowed });
  }
  const filter: ItemsFilter = { equals: [], limit: limits.defaultLimit };
  if (query.limit !== undefined) {
    const text = single('limit', query.limit);
    if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw new BadRequestError('invalid-parameter', 'limit must be a positive integer');
    filter.limit = Math.min(Number(text), limits.maxLimit);
  }
  if (query.f !== undefined && !['json', 'geojson'].includes(single('f', query.f))) throw new BadRequestError('invalid-parameter', 'f must be json or geojson');
  if (query['bbox-crs'] !== undefined && single('bbox-crs', query['bbox-crs']) !== CRS84) {
    throw new BadRequestError('invalid-parameter', `bbox-crs must be ${CRS84}`);
  }
  if (query.bbox !== undefined) filter.bbox = parseBbox(single('bbox', query.bbox));
  if (query.datetime !== undefined) {
    const range = parseDatetime(single('datetime', query.datetime));
    if (range.from) filter.updatedFrom = range.from;
    if (range.to) filter.updatedTo = range.to;
  }
  if (query.cursor !== undefined) {
    const text = single('cursor', query.cursor);
    if (!/^\d{1,15}$/.test(text)) throw new BadRequestError('invalid-parameter', 'cursor must come from a next link');
    filter.afterId = Number(text);
  }
  for (const [name, property] of filterable) {
    if (query[name] === undefined) continue;
    const text = single(name, query[name]);
    if (property.type === 'enum' && text.includes(',')) {
      const values = [...new Set(text.split(',').map((value) => String(parsePropertyValue(name, property, value))))];
      filter.anyOf = [...(filter.anyOf ?? []), { property, values }];
    } else if (property.type === 'date' && text.includes('/')) {
      filter.ranges = [...(filter.ranges ?? []), { property, ...parseDateInterval(name, text) }];
    } else {
      filter.equals.push({ property, value: parsePropertyValue(name, property, text) });
    }
  }
  const asOf = query.asOf === undefined ? undefined : parseInstant('asOf', single('asOf', query.asOf));
  return { filter, ...(asOf ? { asOf } : {}) };
}
