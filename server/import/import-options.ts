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
  /**
   * Source attribute holding names in two scripts → [property of the Latin part, property of the Arabic
   * part] (`--split-by-script name=name_fr,name_ar`).
   */
  splitByScript?: Readonly<Record<string, readonly [string, string]>>;
  /** Only the features whose attribute holds one of these values are read (`--only province=Casablanca`). */
  only?: Readonly<Record<string, readonly string[]>>;
  /**
   * Each feature's parent is the feature of the layer (in the file, or already in the layer) whose
   * `property` equals the feature's `attribute`, or its first `prefixLength` characters (`--parent
   * hcp_code:6=code`: the parent's code is the start of the child's).
   */
  parent?: { attribute: string; prefixLength?: number; property: string };
  /**
   * Parents that exist neither in the file nor in the layer are made, at this level, by dissolving their
   * children (`--derive-parents prefecture`); `from` gives their other properties from their children's
   * attributes (`--parent-from name_fr=province`).
   */
  deriveParents?: { level: string; from: Readonly<Record<string, string>> };
  /**
   * The attribute holding each feature's id in the source (`--key osm_id`): kept with the feature, it
   * makes the import an update of the features an earlier import of the source gave.
   */
  key?: string;
  /** With `key`: features an earlier import of the source gave that this file no longer has are deleted. */
  isMissingRetired?: boolean;
  /** The layer's content is replaced by the file's, in one transaction. */
  isReplace?: boolean;
  /** Leave out attributes that match no property (and read-only ones) instead of refusing the file. */
  isUnknownIgnored?: boolean;
  /** Do everything, writes included, then roll back: reports what would be imported. */
  isDryRun?: boolean;
}
