import type { PropertyType } from './layer-definition.ts';

/**
 * The PostgreSQL type a bound value of each property type is read as (fixed names, never input); the
 * database then assigns it to the column's own type.
 */
export const PROPERTY_SQL_TYPES: Readonly<Record<PropertyType, string>> = {
  string: 'text',
  enum: 'text',
  integer: 'bigint',
  number: 'double precision',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  string_list: 'text[]',
};
