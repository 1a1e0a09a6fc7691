import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import type { LayerDefinition, PropertyType } from './layer-definition.ts';
import type { LayerRegistry } from './registry.ts';
import { findWiringMismatches, type LayerWiring } from './wiring-check.ts';

const readQuery = (name: string) => readFileSync(join(import.meta.dirname, '..', 'db', 'queries', name), 'utf8');
const LAYER_COLUMNS_SQL = readQuery('layer-columns.sql');
const LAYER_WIRING_SQL = readQuery('layer-wiring.sql');

/** A column as the live catalog describes it. */
export interface CatalogColumn {
  column_name: string;
  type_name: string;
  is_not_null: boolean;
  geometry_type: string | null;
  geometry_srid: number | null;
}

/** PostgreSQL types (pg_type.typname) that can hold each registry property type. */
const COMPATIBLE_TYPES: Record<PropertyType, readonly string[]> = {
  string: ['text', 'varchar', 'bpchar'],
  enum: ['text', 'varchar'],
  integer: ['int2', 'int4', 'int8'],
  number: ['numeric', 'float4', 'float8', 'int2', 'int4', 'int8'],
  boolean: ['bool'],
  date: ['date'],
  datetime: ['timestamptz', 'timestamp'],
  string_list: ['_text', '_varchar'],
};

/** Compares one layer with its table; returns one message per mismatch, naming layer and column. */
export function findLayerMismatches(layer: LayerDefinition, columns: readonly CatalogColumn[]): string[] {
  const table = `${layer.table.schema}.${layer.table.name}`;
  if (columns.length === 0) return [`layer ${layer.id}: table ${table} does not exist`];
  const byName = new Map(columns.map((column) => [column.column_name, column]));
  const problems: string[] = [];
  const expectColumn = (column: string, types: readonly string[], role: string) => {
    const found = byName.get(column);
    if (!found) problems.push(`layer ${layer.id}: column ${table}.${column} (${role}) does not exist`);
    else if (!types.includes(found.type_name)) {
      problems.push(`layer ${layer.id}: column ${table}.${column} (${role}) is ${found.type_name}, expected ${types.join(' or ')}`);
    }
  };
  expectColumn(layer.idColumn, COMPATIBLE_TYPES.integer, 'id');
  expectColumn(layer.versionColumn, COMPATIBLE_TYPES.integer, 'version');
  expectColumn(layer.areaColumn, COMPATIBLE_TYPES.integer, 'admin area');
  expectColumn(layer.createdAtColumn, COMPATIBLE_TYPES.datetime, 'created time');
  expectColumn(layer.updatedAtColumn, COMPATIBLE_TYPES.datetime, 'updated time');
  expectColumn(layer.geometry.column, ['geometry'], 'geometry');
  const geometry = byName.get(layer.geometry.column);
  if (geometry?.type_name === 'geometry') {
    const expectedType = layer.geometry.types.length === 1 ? layer.geometry.types[0]!.toUpperCase() : 'GEOMETRY';
    if (geometry.geometry_type !== expectedType) {
      problems.push(`layer ${layer.id}: column ${table}.${layer.geometry.column} is ${geometry.geometry_type}, expected ${expectedType}`);
    }
    if (geometry.geometry_srid !== layer.geometry.srid) {
      problems.push(`layer ${layer.id}: column ${table}.${layer.geometry.column} has SRID ${geometry.geometry_srid}, expected ${layer.geometry.srid}`);
    }
  }
  expectColumn(layer.tiles.projectedColumn, ['geometry'], 'projected tile geometry');
  const projected = byName.get(layer.tiles.projectedColumn);
  if (projected?.type_name === 'geometry' && projected.geometry_srid !== 3857) {
    problems.push(`layer ${layer.id}: column ${table}.${layer.tiles.projectedColumn} has SRID ${projected.geometry_srid}, expected 3857`);
  }
  for (const [name, property] of Object.entries(layer.properties)) {
    expectColumn(property.column, COMPATIBLE_TYPES[property.type], `property ${name}`);
    const found = byName.get(property.column);
    if (found && property.required && !found.is_not_null && found.column_name !== layer.idColumn) {
      problems.push(`layer ${layer.id}: column ${table}.${property.column} (property ${name}) is required but nullable`);
    }
  }
  return problems;
}

export class RegistryMismatchError extends Error {
  override name = 'RegistryMismatchError';
  constructor(readonly problems: readonly string[]) {
    super(`The layer registry does not match the database:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * Checks every layer against the live database: its table and columns, then the per-layer wiring (search,
 * generalisation, CHECK lists of enums; layers/wiring-check.ts). Throws a RegistryMismatchError listing all
 * mismatches, each naming the layer and the column.
 */
export async function checkRegistryAgainstDatabase(pool: pg.Pool | pg.ClientBase, registry: LayerRegistry): Promise<void> {
  const problems: string[] = [];
  for (const layer of registry.layers) {
    const result = await pool.query<CatalogColumn>(LAYER_COLUMNS_SQL, [layer.table.schema, layer.table.name]);
    problems.push(...findLayerMismatches(layer, result.rows));
  }
  if (problems.length === 0) {
    const tables = registry.layers.map((layer) => layer.table.name);
    const wiring = (await pool.query<{ wiring: LayerWiring }>(LAYER_WIRING_SQL, [tables])).rows[0]!.wiring;
    problems.push(...findWiringMismatches(registry, wiring));
  }
  if (problems.length > 0) throw new RegistryMismatchError(problems);
}
