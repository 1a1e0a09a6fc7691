import pg from 'pg';

declare const registryIdentBrand: unique symbol;

/**
 * A SQL identifier that came from the layer registry, already escaped. The brand makes it impossible to
 * pass a plain string from a request where an identifier is expected.
 */
export type RegistryIdent = string & { readonly [registryIdentBrand]: true };

/** Escapes a registry name ("schema"."table" when given two parts). Only registry code may call this. */
export function ident(...parts: string[]): RegistryIdent {
  return parts.map((part) => pg.escapeIdentifier(part)).join('.') as RegistryIdent;
}

/** A statement built by a pure SQL builder: its text and its bound values, in $n order. */
export interface BuiltQuery {
  text: string;
  values: unknown[];
}

/** Collects bound values and hands out their `$n` placeholders in order. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, with an optional cast (a fixed type name, never input). */
  add(value: unknown, cast?: 'integer' | 'double precision' | 'text' | 'date' | 'timestamptz' | 'bigint'): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}
