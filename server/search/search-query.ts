import { ident, SqlParams } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';

/** One layer the caller may search, with its weight and whether the caller is confined to areas on it. */
export interface SearchLayerPlan {
  layerId: string;
  weight: number;
  isAreaScoped: boolean;
  /** Added to the score (registry `search.importance`), with the bonus of each subtype. */
  importance?: number;
  subtypeImportance?: Readonly<Record<string, number>>;
  /** Streets: the length adds to the importance. */
  isRankedByLength?: boolean;
}

/** The most a street's length adds to its importance (at 10 km; nothing under 100 m, log scale between). */
export const LENGTH_IMPORTANCE = 0.2;

/** Everything the search statement depends on, decided before it is built (SearchPlan -> SQL is pure). */
export interface SearchPlan {
  /** The query as search_normalize folds it ('' when nothing is left, e.g. only articles). */
  textKey: string;
  /** textKey without a leading street type (search_core): what the name indexes hold. */
  coreKey: string;
  /** The query as search_code folds it (letters and digits only). */
  codeKey: string;
  /** Non-empty; only layers the caller may read. */
  layers: readonly SearchLayerPlan[];
  /** Admin areas the caller is confined to on the area-scoped layers. */
  areaIds: readonly number[] | null;
  /** The registry's admin areas (confinement, and the area each result lies in). */
  areas: LayerDefinition;
  /** Bias toward this point, EPSG:4326 degrees. */
  position: { lon: number; lat: number } | null;
  limit: number;
  /** Whether results name the arrondissement they lie in (the caller may read admin areas). */
  withAreaContext: boolean;
}

/**
 * Score added for being at the position, halved at POSITION_HALF_SCORE_M metres: enough to order equal
 * matches by distance and to lift a near prefix match above a far one, never a fuzzy match above an
 * exact one (text scores step by at least 0.05 between match classes, times the kind weight).
 */
export const POSITION_BONUS = 0.2;
export const POSITION_HALF_SCORE_M = 1000;

/**
 * Below this many characters a key has no trigram worth indexing (every city has thousands of words
 * starting with "a"): a name then matches when one of its words is the key, a code when it is the key.
 */
export const MIN_FUZZY_LENGTH = 3;

const ARABIC_LETTER = /[\u0621-\u064A]/;
const LATIN_OR_DIGIT = /[a-z0-9]/;

/**
 * The match conditions (each answered by an index of migration 0006) and the score terms of a plan. Each
 * key is bound once and only when used: an unused parameter has no type PostgreSQL could infer.
 */
function textConditions(plan: SearchPlan, params: SqlParams): { matches: string[]; scores: string[] } {
  const bound = new Map<string, string>();
  const bind = (value: string) => bound.get(value) ?? bound.set(value, params.add(value, 'text')).get(value)!;
  const matches: string[] = [];
  const scores: string[] = [];
  // A Latin query is compared with the French names, an Arabic one with the Arabic names, each on its
  // own indexes; names are matched without their street type (search_core).
  for (const [column, script] of [['key_fr', LATIN_OR_DIGIT], ['key_ar', ARABIC_LETTER]] as const) {
    if (!script.test(plan.textKey)) continue;
    const core = `search_core(e.${column})`;
    matches.push(
      plan.coreKey.length >= MIN_FUZZY_LENGTH
        ? `${bind(plan.coreKey)} <% ${core}`
        : `${core} = ${bind(plan.coreKey)} OR ${core} LIKE ${bind(plan.coreKey)} || ' %'`,
    );
    scores.push(`search_name_score(e.${column}, ${bind(plan.textKey)})`);
  }
  if (plan.codeKey.length > 0) {
    const code = bind(plan.codeKey);
    matches.push(...(plan.codeKey.length >= MIN_FUZZY_LENGTH ? [`e.key_code LIKE '%' || ${code} || '%'`, `${code} % e.key_code`] : [`e.key_code = ${code}`]));
    scores.push(`search_code_score(e.key_code, ${code})`);
  }
  return { matches, scores };
}

/** The SQL and its bound values. Identifiers come from the registry; every value is a parameter. */
export function buildSearchQuery(plan: SearchPlan): { text: string; values: unknown[] } {
  if (plan.layers.length === 0) throw new Error('buildSearchQuery needs at least one layer');
  const params = new SqlParams();
  const { matches, scores } = textConditions(plan, params);
  if (matches.length === 0) throw new Error('buildSearchQuery needs a text or a code key');

  const layerIds = `${params.add(plan.layers.map((layer) => layer.layerId))}::text[]`;
  const weights = `${params.add(plan.layers.map((layer) => layer.weight))}::double precision[]`;
  const conditions = [`e.layer = ANY (${layerIds})`, `(${matches.join(' OR ')})`];
  const scoped = plan.layers.filter((layer) => layer.isAreaScoped).map((layer) => layer.layerId);
  if (scoped.length > 0) {
    if (!plan.areaIds) throw new Error('area-scoped layers need area ids');
    conditions.push(`(e.layer <> ALL (${params.add(scoped)}::text[]) OR ${areaFilterCondition(plan.areas, 'e.geom', params.add(plan.areaIds))})`);
  }
  const position = plan.position
    ? `ST_Transform(ST_SetSRID(ST_MakePoint(${params.add(plan.position.lon, 'double precision')}, ${params.add(plan.position.lat, 'double precision')}), 4326), 26191)`
    : null;
  const textScore = `${scores.length === 1 ? scores[0] : `GREATEST(${scores.join(', ')})`} * (${weights})[array_position(${layerIds}, e.layer)] + ${importance(plan, params, layerIds)}`;
  const score = position
    ? `text_score + ${params.add(POSITION_BONUS, 'double precision')} / (1 + point_distance / ${params.add(POSITION_HALF_SCORE_M, 'double precision')})`
    : 'text_score';
  const limit = params.add(plan.limit, 'integer');
  const context = plan.withAreaContext ? areaContext(plan.areas, params) : null;

  const text = `WITH candidate AS (
  SELECT e.layer, e.feature_id, e.kind, e.name_fr, e.name_ar, e.code, e.subtype, e.details, e.geom, e.point,
         ${textScore} AS text_score,
         ${position ? `e.point_metric <-> ${position}` : 'NULL::double precision'} AS point_distance
    FROM search_entries AS e
   WHERE ${conditions.join('\n     AND ')}
), ranked AS (
  SELECT c.*, ${score} AS score
    FROM candidate AS c
   ORDER BY score DESC, point_distance, c.layer, c.feature_id
   LIMIT ${limit}
)
SELECT r.layer, r.feature_id AS id, r.kind, r.name_fr, r.name_ar, r.code, r.subtype, r.details, r.score,
       ST_X(r.point) AS lon, ST_Y(r.point) AS lat,
       CASE WHEN ST_Dimension(r.geom) > 0
            THEN json_build_array(ST_XMin(r.geom), ST_YMin(r.geom), ST_XMax(r.geom), ST_YMax(r.geom)) END AS bbox,
       ${position ? `ST_Distance(ST_Transform(r.geom, 26191), ${position})` : 'NULL::double precision'} AS distance_m,
       ${context ? context.columns : 'NULL::bigint AS area_id, NULL AS area_code, NULL AS area_name_fr, NULL AS area_name_ar'}
  FROM ranked AS r
${context ? context.joins : ''}
 ORDER BY r.score DESC, r.point_distance, r.layer, r.feature_id`;
  return { text, values: params.values };
}

/**
 * How much a result matters beside its text match: the layer's importance, its subtype's bonus, and for a
 * street its length (from its details), so that the long boulevard comes before a fragment of the same name.
 */
function importance(plan: SearchPlan, params: SqlParams, layerIds: string): string {
  if (!plan.layers.some((layer) => layer.importance || layer.subtypeImportance || layer.isRankedByLength)) return '0';
  const terms = [`(${params.add(plan.layers.map((layer) => layer.importance ?? 0))}::double precision[])[array_position(${layerIds}, e.layer)]`];
  const bonuses = Object.fromEntries(plan.layers.flatMap((layer) => Object.entries(layer.subtypeImportance ?? {}).map(([value, bonus]) => [`${layer.layerId}:${value}`, bonus])));
  if (Object.keys(bonuses).length > 0) terms.push(`coalesce((${params.add(JSON.stringify(bonuses))}::jsonb ->> (e.layer || ':' || e.subtype))::double precision, 0)`);
  const ranked = plan.layers.filter((layer) => layer.isRankedByLength).map((layer) => layer.layerId);
  if (ranked.length > 0) {
    const length = `greatest(coalesce((e.details ->> 'length_m')::double precision, 0), 1)`;
    terms.push(`CASE WHEN e.layer = ANY (${params.add(ranked)}::text[]) THEN ${params.add(LENGTH_IMPORTANCE, 'double precision')} * least(1, greatest(0, log(${length} / 100) / 2)) ELSE 0 END`);
  }
  return `(${terms.join(' + ')})`;
}

/**
 * Where each result lies, for its label: an admin area's parent (an arrondissement's préfecture), any other
 * result's arrondissement (the one containing its representative point).
 */
function areaContext(areas: LayerDefinition, params: SqlParams): { columns: string; joins: string } {
  const table = ident(areas.table.schema, areas.table.name);
  const id = ident(areas.idColumn);
  const column = (name: string) => ident(areas.properties[name]!.column);
  const areaLayer = params.add(areas.id, 'text');
  const selected = `a.${id} AS id, a.${column('code')} AS code, a.${column('name_fr')} AS name_fr, a.${column('name_ar')} AS name_ar`;
  const columns = ['id', 'code', 'name_fr', 'name_ar'].map((name) => `coalesce(parent.${name}, container.${name}) AS area_${name}`).join(', ');
  const joins = `  LEFT JOIN LATERAL (
    SELECT ${selected}
      FROM ${table} AS child JOIN ${table} AS a ON a.${id} = child.${column('parent_id')}
     WHERE r.layer = ${areaLayer} AND child.${id} = r.feature_id
  ) AS parent ON true
  LEFT JOIN LATERAL (
    SELECT ${selected}
      FROM ${table} AS a
     WHERE r.layer <> ${areaLayer} AND a.${column('level')} = ${params.add('arrondissement', 'text')}
       AND ST_Intersects(a.${ident(areas.geometry.column)}, r.point)
     ORDER BY a.${id}
     LIMIT 1
  ) AS container ON true`;
  return { columns, joins };
}
