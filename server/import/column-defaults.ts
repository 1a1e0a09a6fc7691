import type pg from 'pg';
import { ident } from '../db/sql.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { isEditable } from '../layers/property-validation.ts';

/** A property the file does not give, and what every imported feature gets instead. */
export interface UnsetProperty {
  property: string;
  /** The column's default as the database writes it (`false`, `'{}'`), or null: the value stays unknown (null). */
  columnDefault: string | null;
  /** Whether the registry says that null means unknown here (rather than "none"). */
  isUnknown: boolean;
}

/** Column → default expression of the layer's table, as PostgreSQL prints it (casts removed). */
export async function readColumnDefaults(db: pg.Pool | pg.PoolClient, layer: LayerDefinition): Promise<Map<string, string>> {
  const result = await db.query<{ column: string; expression: string }>(
    `SELECT a.attname AS column, pg_get_expr(d.adbin, d.adrelid) AS expression
       FROM pg_attrdef AS d JOIN pg_attribute AS a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
      WHERE d.adrelid = to_regclass($1)`,
    [ident(layer.table.schema, layer.table.name)],
  );
  return new Map(result.rows.map((row) => [row.column, row.expression.replace(/::[a-z ]+(\[\])?$/i, '')]));
}

/**
 * Every editable property the import does not give (no attribute, no constant, no link), with what it is
 * left as: the report lists them so that no value is made up without a word.
 */
export function unsetProperties(layer: LayerDefinition, provided: readonly string[], defaults: ReadonlyMap<string, string>): UnsetProperty[] {
  return Object.entries(layer.properties)
    .filter(([name, property]) => isEditable(property) && !provided.includes(name))
    .map(([name, property]) => ({ property: name, columnDefault: defaults.get(property.column) ?? null, isUnknown: property.isUnknownWhenNull === true }));
}
