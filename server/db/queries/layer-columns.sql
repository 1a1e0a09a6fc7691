-- Columns of one table with their types, for the registry check. $1 = schema, $2 = table.
-- geometry columns report their declared type and SRID through postgis_typmod_* (0 = unconstrained).
SELECT a.attname AS column_name,
       t.typname AS type_name,
       a.attnotnull AS is_not_null,
       CASE WHEN t.typname = 'geometry' THEN upper(postgis_typmod_type(a.atttypmod)) END AS geometry_type,
       CASE WHEN t.typname = 'geometry' THEN postgis_typmod_srid(a.atttypmod) END AS geometry_srid
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_type t ON t.oid = a.atttypid
 WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
