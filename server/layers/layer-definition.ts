/**
 * The shape of a layer declaration. Every table and column name in the server comes from one of these
 * objects: tile SQL, feature SQL, validation, permissions, `/api/layers` and the client's legend are all
 * derived from them (DESIGN.md, "The layers").
 */

/** Who is asking. `public` is a caller without an account. */
export type Role = 'public' | 'planner' | 'inspector' | 'admin';

/** Text shown to people, in the three interface languages. French and Arabic are never optional. */
export interface Labels {
  fr: string;
  ar: string;
  en: string;
}

/** Geometry types as GeoJSON names them (and as PostGIS's GeometryType() returns them, upper-cased). */
export type GeometryType = 'Point' | 'LineString' | 'Polygon' | 'MultiPoint' | 'MultiLineString' | 'MultiPolygon';

/**
 * The value type of a property as the API speaks it. `date` is an ISO calendar date (YYYY-MM-DD),
 * `datetime` an ISO instant; `string_list` is a JSON array of strings (a PostgreSQL text[]).
 */
export type PropertyType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'enum' | 'string_list';

export interface PropertyDefinition {
  /** Column in the layer's table. Never sent to clients: the API name is the key of `properties`. */
  column: string;
  type: PropertyType;
  label: Labels;
  /**
   * For `enum`: the allowed values, in display order, each with its labels. For `string_list`: the
   * vocabulary every item is chosen from (an inspection's findings).
   */
  values?: Readonly<Record<string, Labels>>;
  /** Unit shown after numbers (for example "m"). */
  unit?: string;
  /** Must be present when a feature is created. */
  required?: boolean;
  /** False for values the server maintains (ids, derived lists). Defaults to true. */
  editable?: boolean;
  /** Inclusive bounds for numbers; for strings, `max` is the maximum length. */
  min?: number;
  max?: number;
  /**
   * Personal data (a natural person's name, phone, e-mail). Only the roles in the layer's
   * `access.personal` list ever receive it, through any channel.
   */
  personal?: boolean;
  /** Whether clients may filter items on this property. */
  filterable?: boolean;
  /**
   * Whether vector tiles carry this property (keep tiles small: only what the map styles, labels or shows
   * on click). A personal property is carried only in tiles of principals allowed to see it.
   */
  inTiles?: boolean;
  /**
   * For an integer property that holds the id of a feature of another layer (an inspection's
   * establishment): that layer's id. Clients show the related feature's name and open it from there.
   */
  references?: string;
  /**
   * Kept by the server, never by the client: the value of `property` of the newest feature of `layer` whose
   * `via` property names this feature, newest by `orderBy` then id (an establishment's latest grade is its
   * newest inspection's). Every write of that layer refreshes it, in the same transaction, as an update of
   * this feature (version, history, tiles).
   */
  latestOf?: { layer: string; via: string; property: string; orderBy: string };
  /**
   * A null value means "not known" (the source did not say), not "none": the map's legend and the details
   * show it as unknown, and an import that does not give it leaves it null instead of inventing a default.
   */
  isUnknownWhenNull?: boolean;
}

/** How the map draws the layer by default; the legend is derived from it. */
export interface LayerStyle {
  kind: 'fill' | 'line' | 'circle';
  /** Colour for features that no `byValue` entry matches. */
  color: string;
  /** Property whose value picks the colour (an enum property, or a property holding `#rrggbb` itself). */
  colorProperty?: string;
  /** Colours per value of `colorProperty` (enum values); omitted when the property holds the colour. */
  colorByValue?: Readonly<Record<string, string>>;
  /** Line width in pixels at zoom 14, or circle radius. */
  size: number;
  /** Whether features are labelled on the map with their localised name. */
  isLabelled?: boolean;
  /**
   * Zooms at which features are labelled, by value of `colorProperty` (values not listed: every zoom). Areas
   * nest: a préfecture's name gives way to its arrondissements' as the map zooms in, so no screen shows both
   * a préfecture and the arrondissement of the same name.
   */
  labelZooms?: Readonly<Record<string, { min?: number; max?: number }>>;
}

export interface LayerDefinition {
  /** Lowercase snake id: registry key, URL segment and MVT layer name. */
  id: string;
  title: Labels;
  description: Labels;
  /** Layer family of DESIGN.md, used to group layers in the client's panel. */
  family: 'reference' | 'street_heritage' | 'authorisations' | 'hygiene' | 'mobility';
  table: { schema: string; name: string };
  /** Integer primary key; also the MVT feature id. */
  idColumn: string;
  /**
   * The most specific admin area holding the feature's representative point, kept by the database in the
   * writer's transaction (migrations/0012_feature_area.sql). Statistics per area group by it.
   */
  areaColumn: string;
  /** Optimistic-locking counter bumped on every update. */
  versionColumn: string;
  createdAtColumn: string;
  updatedAtColumn: string;
  geometry: {
    column: string;
    /** Allowed geometry types; several means a generic `geometry` column with a CHECK. */
    types: readonly GeometryType[];
    srid: number;
    /**
     * The place is derived from another row by the database (an inspection sits at its establishment):
     * writes ignore any geometry sent.
     */
    isDerived?: boolean;
    /** The layer whose geometry this one copies (its edits move this layer's features too). */
    derivedFrom?: string;
    /**
     * Line ends closer than this many metres to another feature of the layer without touching it are
     * reported as warnings (a road that almost meets another usually should).
     */
    nearMissMetres?: number;
    /**
     * Lines of the layer shorter than this many metres are reported as warnings (a segment that short is
     * usually a slip of the mouse). Layers with `nearMissMetres` are networks: their lines are also checked
     * for crossing themselves, leaving the city, and touching a segment with the same name and attributes.
     */
    shortSegmentMetres?: number;
  };
  /** Properties by API name, in display order. */
  properties: Readonly<Record<string, PropertyDefinition>>;
  /**
   * The date that describes the feature in time (a permit's submission, an inspection's day): the one
   * that statistics filter with from/to.
   */
  primaryDateProperty?: string;
  /** API names of the properties that hold the feature's name in French and Arabic, if it has one. */
  nameProperties?: { fr: string; ar: string };
  tiles: {
    /**
     * The geometry in EPSG:3857, a column the database generates from `geometry.column`
     * (migrations/0010_projected_tile_geometry.sql): tiles read it instead of projecting every feature.
     */
    projectedColumn: string;
    /** Zoom range in which tiles are served (inclusive). */
    minzoom: number;
    maxzoom: number;
    /** MVT extent (tile units per side) and buffer (tile units beyond the edge). */
    extent: number;
    buffer: number;
  };
  /**
   * Which roles may do what (API keys get the same through scopes, see auth/scopes.ts).
   * `personal`: roles that see properties marked personal.
   * `areaScoped`: roles that, when assigned admin areas, see and edit only features intersecting them.
   */
  access: {
    read: readonly Role[];
    create: readonly Role[];
    update: readonly Role[];
    delete: readonly Role[];
    personal: readonly Role[];
    areaScoped: readonly Role[];
  };
  style: LayerStyle;
  /** Whether the layer is switched on when the map opens. */
  isVisibleByDefault: boolean;
  /** What the layer means to the rest of the system beyond its own features (at most one layer each). */
  roles?: {
    /** The admin areas every feature is located in: area confinement, statistics, within an area. */
    isAdminAreas?: boolean;
    /** The street network: `along` measures along its segments, selected by id or street name. */
    isStreetNetwork?: boolean;
  };
  /** How the layer is found by GET /api/search; absent: not searchable. */
  search?: SearchDeclaration;
  /** Low zooms drawn from the generalised store (migrations 0004 and 0011); absent: always the table. */
  generalisation?: GeneralisationDeclaration;
  /** Measures GET /api/query/stats adds to the count per area, by name. */
  statistics?: Readonly<Record<string, StatisticMeasure>>;
  /** Features nest in other features of the same layer (arrondissements in préfectures). */
  hierarchy?: HierarchyDeclaration;
  /**
   * Rules a whole row must meet, beyond each property's own: checked before the database by every write
   * path (API, importer), and the database constraint that enforces each is named so that a refusal by the
   * database is reported with the rule's words, never with SQL.
   */
  rowRules?: readonly RowRule[];
}

/**
 * Levels of a layer whose features nest (préfecture > arrondissement). The levels are the values of an
 * enum property; the parent is an integer property holding the id of another feature of the same layer.
 */
export interface HierarchyDeclaration {
  levelProperty: string;
  parentProperty: string;
  /** For each level, the levels its parent may have; [] marks a top level, which never has a parent. */
  parentLevels: Readonly<Record<string, readonly string[]>>;
  /** The database constraint tying the level to the presence of a parent (named in its refusals). */
  constraint: string;
  /**
   * The level whose features together make the city itself (the commune of Casablanca is made of its
   * arrondissements): what the map fits to the screen when it opens.
   */
  cityLevel: string;
}

/** A rule over several properties of one row (a permit's decision date goes with a decided status). */
export interface RowRule {
  /** The database constraint that enforces it. */
  constraint: string;
  /** The properties it concerns; issues point at the first. */
  properties: readonly string[];
  /** What the rule asks, for people. */
  message: Labels;
  /** The same rule over a row's values by API name (absent values are null), checked before the database. */
  isMet: (values: Readonly<Record<string, unknown>>) => boolean;
}

/**
 * A searchable layer. What is indexed comes from these properties only (never a personal one); the
 * database's search wiring (search_layer_sources, migration 0011) is written from it by the migrations.
 */
export interface SearchDeclaration {
  /** What one result is (search_entries.kind), e.g. `permit`. */
  kind: string;
  /** What one result of this kind is, shown next to its name. */
  kindLabel: Labels;
  /**
   * Multiplies the text score (0..1.05) so that, between equally good matches, places people look for
   * most often come first.
   */
  weight: number;
  /**
   * Added to the score of every result of the layer, 0 to 0.25: how much it matters beside how well its
   * name matches (an arrondissement more than a shop). Default 0.
   */
  importance?: number;
  /** Added to the importance per value of the subtype (a boulevard's class before a lane's). */
  subtypeImportance?: Readonly<Record<string, number>>;
  /** An enum property stored as the entry's subtype; its labels come from the registry. */
  subtypeProperty: string;
  /** A property stored as the entry's code (reference, official code), if the layer has one. */
  codeProperty?: string;
  /** Properties shown with a result (a stop's lines, a line's colour). */
  detailProperties?: readonly string[];
  /**
   * Segments are grouped into named streets (migration 0006) instead of one entry per feature; a street's
   * length adds up to 0.2 to its importance (log scale, 100 m to 10 km): "Zerktouni" is the 8 km boulevard
   * before a 100 m fragment of the same name.
   */
  isGroupedIntoStreets?: boolean;
}

/** Which zooms draw from generalised rows, and how those rows are made. */
export type GeneralisationDeclaration =
  /** Lines filtered by class and length per zoom, simplified and snapped (tile_road_rules). */
  | { kind: 'lines'; minzoom: number; maxzoom: number }
  /** At most one point (the lowest id) per cell; cell side in tile units per zoom (tile_point_rules). */
  | { kind: 'points'; cellUnits: Readonly<Record<number, number>> };

/** One statistic per area, computed over the layer's features there (the filters of the query apply). */
export type StatisticMeasure =
  /** Mean of a number property, rounded to `digits`. */
  | { kind: 'average'; property: string; digits: number }
  /** Share (0..1) of the features whose enum property holds one of `values`, rounded to `digits`. */
  | { kind: 'share'; property: string; values: readonly string[]; digits: number }
  /**
   * Features whose enum `property` holds one of `values`, counted by the age in days of `dateProperty`
   * (relative to the query's "today"), one count per named bucket of inclusive [from, to] days.
   */
  | { kind: 'ageBuckets'; property: string; values: readonly string[]; dateProperty: string; buckets: Readonly<Record<string, readonly [number, number | null]>> }
  /** Features whose enum `property` holds one of `values` and whose `dateProperty` falls within `days` from today. */
  | { kind: 'dueWithin'; property: string; values: readonly string[]; dateProperty: string; days: number };
