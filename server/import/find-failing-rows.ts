import pg from 'pg';
import { ident } from '../db/sql.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import { toJsonPointer } from '../layers/property-validation.ts';
import { type ImportIssue, labels } from './import-issue.ts';
import { type ImportRow, insertRows } from './insert-rows.ts';

/**
 * After a batch INSERT was refused by the database (a CHECK the registry does not express, such as the
 * permit reference pattern; a unique key; a foreign key), finds which features broke which rule: each row
 * is inserted alone under a savepoint, in a transaction that is always rolled back. Stops after `limit`
 * failing rows. Errors other than data and integrity errors (SQLSTATE classes 22 and 23) are rethrown.
 */
export async function findFailingRows(client: pg.PoolClient, layer: LayerDefinition, rows: readonly ImportRow[], limit = 100): Promise<ImportIssue[]> {
  const failures: { error: pg.DatabaseError; featureIndex: number }[] = [];
  await client.query('BEGIN');
  try {
    for (const row of rows) {
      await client.query('SAVEPOINT import_row');
      try {
        await insertRows(client, layer, [row]);
        await client.query('RELEASE SAVEPOINT import_row');
      } catch (error) {
        if (!isDataError(error)) throw error;
        await client.query('ROLLBACK TO SAVEPOINT import_row');
        failures.push({ error, featureIndex: row.featureIndex });
        if (failures.length >= limit) break;
      }
    }
  } finally {
    await client.query('ROLLBACK');
  }
  const definitions = await readCheckDefinitions(client, layer, failures.map(({ error }) => error.constraint));
  return failures.map(({ error, featureIndex }) => databaseIssue(error, featureIndex, layer, definitions));
}

/** The text of the CHECK constraints named, so that a message can say what the rule is. */
async function readCheckDefinitions(client: pg.PoolClient, layer: LayerDefinition, names: (string | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names.filter((name): name is string => name !== undefined))];
  if (wanted.length === 0) return new Map();
  const result = await client.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint
      WHERE contype = 'c' AND conrelid = to_regclass($1) AND conname = ANY($2::text[])`,
    [ident(layer.table.schema, layer.table.name), wanted],
  );
  return new Map(result.rows.map((row) => [row.name, row.definition]));
}

/** Data exceptions (22xxx) and integrity violations (23xxx): the row's fault, not the server's. */
export function isDataError(error: unknown): error is pg.DatabaseError {
  return error instanceof pg.DatabaseError && typeof error.code === 'string' && /^2[23]/.test(error.code);
}

/** A database refusal as an issue of one feature, pointing at the property when the rule names its column. */
export function databaseIssue(
  error: pg.DatabaseError,
  featureIndex: number,
  layer: LayerDefinition,
  checkDefinitions: ReadonlyMap<string, string> = new Map(),
): ImportIssue {
  const column = error.column ?? /^Key \(([^)]+)\)/.exec(error.detail ?? '')?.[1] ?? columnOfConstraint(error.constraint, layer);
  const property = Object.entries(layer.properties).find(([, definition]) => definition.column === column)?.[0];
  const pointer = property ? toJsonPointer('properties', property) : column === layer.geometry.column ? '/geometry' : '';
  const definition = error.constraint ? checkDefinitions.get(error.constraint) : undefined;
  const rule = [error.constraint ?? error.code, definition].filter(Boolean).join(' ');
  // "Failing row contains (…)" repeats the whole row (personal data, geometry in hex): left out.
  const detail = error.detail?.startsWith('Failing row contains') ? undefined : error.detail;
  const text = [error.message, detail].filter(Boolean).join(' — ');
  return {
    featureIndex,
    pointer,
    code: 'database-rule',
    message: labels(
      `refusé par la base de données (règle ${rule}) : ${text}`,
      `رفضته قاعدة البيانات (القاعدة ${rule}): ${text}`,
      `refused by the database (rule ${rule}): ${text}`,
    ),
  };
}

/** PostgreSQL names a one-column CHECK `<table>_<column>_check`; table-level rules name no column. */
function columnOfConstraint(constraint: string | undefined, layer: LayerDefinition): string | undefined {
  if (!constraint) return undefined;
  const columns = [...Object.values(layer.properties).map((property) => property.column), layer.geometry.column];
  return columns.find((column) => constraint === `${layer.table.name}_${column}_check`);
}
