-- Street names in Casablanca often carry a given name people leave out: "Zerktouni" is the Boulevard
-- Mohamed Zerktouni, "Hassan II" the Avenue Moulay Hassan II. A query that is the END of a name's core
-- (its last words) now scores like a prefix (0.9) instead of a mere later word (0.85), so that with the
-- street's length and class (GET /api/search adds the registry's importance) the 8 km boulevard comes
-- before a 100 m fragment tagged with the short name. As in 0006 otherwise.
CREATE OR REPLACE FUNCTION search_name_score(name_key text, query_key text) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN name_key IS NULL OR name_key = '' OR query_key = '' THEN 0
    ELSE CASE
      WHEN name_key = query_key OR public.search_core(name_key) = query_key THEN 1
      WHEN public.search_core(name_key) = public.search_core(query_key) THEN 0.95
      WHEN name_key LIKE query_key || '%' OR public.search_core(name_key) LIKE query_key || '%' THEN 0.9
      WHEN public.search_core(name_key) LIKE '% ' || public.search_core(query_key) THEN 0.9
      WHEN name_key LIKE '% ' || query_key || '%' THEN 0.85
      ELSE 0.8 * word_similarity(public.search_core(query_key), public.search_core(name_key))
    END + 0.05 * similarity(query_key, name_key)
  END
$$;
