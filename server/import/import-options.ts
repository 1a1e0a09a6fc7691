/** How a source file's attributes become registry properties, and whether anything is written. */
export interface ImportOptions {
  /**
   * Source attribute → registry property API name (`--map fclass=road_class`). An empty target drops the
   * attribute (`--map osm_id=`). Attributes not listed map to the property of the same name, ignoring case.
   */
  attributeMap?: Readonly<Record<string, string>>;
  /** Property → value written on every feature (`--set road_class=residential`), given as text. */
  constants?: Readonly<Record<string, string>>;
  /**
   * Property → source value → value (`--map-value road_class:living_street=residential`), applied before
   * type conversion; values not listed pass through unchanged.
   */
  valueMaps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Leave out attributes that match no property (and read-only ones) instead of refusing the file. */
  isUnknownIgnored?: boolean;
  /** Do everything, inserts included, then roll back: reports what would be imported. */
  isDryRun?: boolean;
}
