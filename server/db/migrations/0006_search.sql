-- Bilingual search (GET /api/search, server/search/).
--
-- The normalisation is written once, here, in IMMUTABLE functions that the stored columns of
-- search_entries and the search query both call, so what is indexed and what is asked always agree.
-- Accents are folded with translate() over an explicit list rather than unaccent(), whose result depends
-- on a dictionary file (an index must only depend on truly immutable functions); words are split on
-- explicit character lists, never on locale-dependent classes, so every database folds alike.
--
-- search_entries holds one row per searchable thing, kept in step with the layer tables by statement-level
-- triggers in the writer's transaction: admin areas, transit stops and lines, establishments and permit
-- references one row per feature, and streets one row per named street (road segments grouped by name
-- and by proximity, so the two "Rue 12" of two housing estates are two streets). Personal data (a permit's
-- applicant, an establishment's operator) is never copied here, so it can never be searched.

-- One Latin word (ASCII lower case) with the transliteration variants common in Morocco folded:
-- sh -> ch, dj -> j, ph -> f, th -> t, dh -> d, soft c -> s, q/ck/hard c -> k, then o/ou/w -> u, y -> i,
-- and doubled letters single. "zerktouni", "zerktoni" -> "zerktuni"; "chefchaouni", "shefshawni" ->
-- "chefchauni"; "sebaa" -> "seba". Doubled letters are undone with replace(): a back-reference regular
-- expression was 20 times slower.
CREATE FUNCTION search_fold_latin_word(word text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
         replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
           translate(
             regexp_replace(
               regexp_replace(
                 replace(replace(replace(replace(replace(word, 'sh', 'ch'), 'dj', 'j'), 'ph', 'f'), 'th', 't'), 'dh', 'd'),
                 'c(?=[eiy])', 's', 'g'),
               'ck|q|c(?!h)', 'k', 'g'),
             'owy', 'uui'),
         'aa', 'a'), 'bb', 'b'), 'dd', 'd'), 'ee', 'e'), 'ff', 'f'), 'gg', 'g'), 'hh', 'h'), 'ii', 'i'), 'jj', 'j'),
         'kk', 'k'), 'll', 'l'), 'mm', 'm'), 'nn', 'n'), 'pp', 'p'), 'rr', 'r'), 'ss', 's'), 'tt', 't'), 'uu', 'u'),
         'vv', 'v'), 'xx', 'x'), 'zz', 'z')
$$;

-- One word (ASCII lower case, digits or Arabic letters) to its search form, '' for a word to drop:
-- French and Arabic-in-Latin articles are dropped; the usual abbreviations and variants are unified
-- (boulevard/bd, avenue/av, sidi/si, moulay/my, ibn/ben, med/mohamed, roman numerals to digits); the
-- Arabic article "ال" is dropped when at least two letters follow ("الزرقطوني" -> "زرقطوني").
CREATE FUNCTION search_normalize_word(word text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN word IN ('el', 'al', 'l', 'd', 'de', 'du', 'des', 'la', 'le', 'les', 'et') THEN ''
    WHEN word ~ '^[0-9]+$' THEN word
    -- "Abdelkrim", "Abd el Krim", "Abdul Krim": the "abd" is joined to what follows by search_normalize
    WHEN word ~ '^[a-z0-9]+$' THEN regexp_replace(public.search_fold_latin_word(CASE
      WHEN word IN ('boulevard', 'blvd', 'bld', 'bd') THEN 'bd'
      WHEN word IN ('avenue', 'ave', 'av') THEN 'av'
      WHEN word IN ('route', 'rte') THEN 'rte'
      WHEN word IN ('place', 'pl') THEN 'pl'
      WHEN word IN ('impasse', 'imp') THEN 'imp'
      WHEN word IN ('residence', 'res') THEN 'res'
      WHEN word IN ('sidi', 'si') THEN 'si'
      WHEN word IN ('moulay', 'mly', 'my') THEN 'moulay'
      WHEN word IN ('lalla', 'lla') THEN 'lalla'
      WHEN word IN ('ibn', 'ibnou', 'bnou', 'bin', 'ben') THEN 'ben'
      WHEN word IN ('mohammed', 'mohamed', 'mohamad', 'mohammad', 'muhammad', 'med', 'mhd', 'mohd') THEN 'mohamed'
      WHEN word = 'ii' THEN '2'
      WHEN word = 'iii' THEN '3'
      WHEN word = 'iv' THEN '4'
      WHEN word = 'v' THEN '5'
      WHEN word = 'vi' THEN '6'
      ELSE word
    END), '^abd[aeu]l', 'abd')
    WHEN word IN ('ابن', 'بن') THEN 'بن'
    WHEN word ~ '^عبدال' THEN 'عبد' || substr(word, 6)
    WHEN word ~ '^ال.{2,}$' THEN substr(word, 3)
    ELSE word
  END
$$;

-- A French or Arabic name, or a query, to its search key: the words of search_normalize_word joined by
-- single spaces ('' when nothing is left). Arabic: tashkeel and tatweel removed; أ إ آ ٱ -> ا, ة -> ه,
-- ى -> ي, ؤ -> و, ئ -> ي, hamza dropped; ک ی ڭ گ ڤ to their Arabic equivalents; Arabic-Indic digits to
-- 0-9. Latin: accents folded, lower case; an apostrophe after d or l (French elision) breaks words,
-- elsewhere it is dropped ("Ben M'Sick" -> "ben msik"); hyphens and every other sign break words. Only
-- ASCII letters, digits, Arabic letters and spaces remain, so a key never holds a LIKE wildcard.
-- "Boulevard Zerktouni", "bd zerktouni" -> "bd zerktuni"; "Aïn Sebaâ", "Ain-Sebaa" -> "ain seba";
-- "شارع الزرقطوني" -> "شارع زرقطوني". PL/pgSQL because its simple expressions run about 18 times faster
-- than the same steps as one SQL query (about 25 µs for a street name).
CREATE FUNCTION search_normalize(value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  folded text;
  word text;
  words text[] := '{}';
  pending text := '';
BEGIN
  folded := lower(replace(replace(replace(replace(replace(
    translate(
      translate(
        regexp_replace(value, '[\u064B-\u065F\u0670\u0640]', '', 'g'),
        'أإآٱةىؤئکیڭگڤ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ء',
        'ااااهيويكيككف01234567890123456789'),
      'ÀÁÂÃÄÅàáâãäåāÇçćčÈÉÊËèéêëēėęÌÍÎÏìíîïīÑñńÒÓÔÕÖØòóôõöøōŠšśÙÚÛÜùúûüūÝŸýÿŽžź',
      'AAAAAAaaaaaaaCcccEEEEeeeeeeeIIIIiiiiiNnnOOOOOOoooooooSssUUUUuuuuuYYyyZzz'),
    'Œ', 'oe'), 'œ', 'oe'), 'Æ', 'ae'), 'æ', 'ae'), 'ß', 'ss'));
  folded := regexp_replace(regexp_replace(folded, '(^|[^a-z])([dl])[''’‘`´ʼ]', '\1\2 ', 'g'), '[''’‘`´ʼ]', '', 'g');
  folded := btrim(regexp_replace(folded, '[^a-z0-9\u0621-\u064A]+', ' ', 'g'));
  FOREACH word IN ARRAY string_to_array(folded, ' ') LOOP
    word := public.search_normalize_word(word);
    IF word IN ('abd', 'عبد') THEN
      -- "abd" ("servant of") belongs to the next name: "Abd el Moumen" is "Abdelmoumen"
      pending := pending || word;
    ELSIF word <> '' THEN
      words := words || regexp_replace(pending || word, '^abd[aeu]l', 'abd');
      pending := '';
    END IF;
  END LOOP;
  IF pending <> '' THEN
    words := words || pending;
  END IF;
  RETURN array_to_string(words, ' ');
END;
$$;

-- A code or reference (permit reference, stop code, line code, official area code) to its search key:
-- lower-case ASCII letters and digits, separators dropped. "PC-2024/00123", "pc 2024 00123" -> "pc202400123".
CREATE FUNCTION search_code(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT lower(regexp_replace(value, '[^A-Za-z0-9]+', '', 'g'))
$$;

-- A name key without its leading street or place type ("bd zerktuni" -> "zerktuni"), so that
-- "zerktouni" ranks as an exact match of "Boulevard Zerktouni". The types are written as
-- search_normalize leaves them (hay -> hai, زنقة -> زنقه).
CREATE FUNCTION search_core(normalized text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(normalized, '^(bd|av|rue|rte|pl|imp|res|derb|hai|شارع|زنقه|ممر|ساحه|طريق|درب|حي|مدار|زقاق) (?=.)', '')
$$;

-- How well a name matches a query, both as search_normalize keys, in [0, 1.05]:
--   1    the same name, or the same without its street type ("zerktouni" for "Boulevard Zerktouni");
--   0.95 the same name with another type ("avenue zerktouni" for "Boulevard Zerktouni");
--   0.9  the name starts with the query (typing in progress);
--   0.85 a later word of the name starts with the query;
--   else up to 0.8 by trigram word similarity of the names without their types (typos);
-- plus up to 0.05 by whole-name similarity, so that of two equal matches the shorter name comes first
-- ("Aïn Sebaâ" before "Aïn Sebaâ-Hay Mohammadi"). 0 without a name or a query.
CREATE FUNCTION search_name_score(name_key text, query_key text) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN name_key IS NULL OR name_key = '' OR query_key = '' THEN 0
    ELSE CASE
      WHEN name_key = query_key OR public.search_core(name_key) = query_key THEN 1
      WHEN public.search_core(name_key) = public.search_core(query_key) THEN 0.95
      WHEN name_key LIKE query_key || '%' OR public.search_core(name_key) LIKE query_key || '%' THEN 0.9
      WHEN name_key LIKE '% ' || query_key || '%' THEN 0.85
      ELSE 0.8 * word_similarity(public.search_core(query_key), public.search_core(name_key))
    END + 0.05 * similarity(query_key, name_key)
  END
$$;

-- How well a code or reference matches a query, both as search_code keys: 1 exact, 0.9 prefix, 0.8 when
-- it contains the query ("2026-00048" in "PD-2026-00048"), else up to 0.7 by trigram similarity (typos).
CREATE FUNCTION search_code_score(code_key text, query_key text) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN code_key IS NULL OR code_key = '' OR query_key = '' THEN 0
    WHEN code_key = query_key THEN 1
    WHEN code_key LIKE query_key || '%' THEN 0.9
    WHEN code_key LIKE '%' || query_key || '%' THEN 0.8
    ELSE 0.7 * similarity(query_key, code_key)
  END
$$;

-- Which street a road segment belongs to, by name: its French name's key, or its Arabic name's when it has
-- no French one; null for an unnamed segment (never searchable).
CREATE FUNCTION search_street_key(name_fr text, name_ar text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(coalesce(nullif(public.search_normalize(name_fr), ''), public.search_normalize(name_ar)), '')
$$;

-- Where a result is shown: the point itself, a point on a line near its middle, a point inside a polygon.
CREATE FUNCTION search_representative_point(geom geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN ST_Dimension(geom) = 1 THEN ST_ClosestPoint(geom, ST_Centroid(geom)) ELSE ST_PointOnSurface(geom) END
$$;

CREATE TABLE search_entries (
  layer         text NOT NULL,
  -- The feature's id; for a street, the lowest id among its road segments.
  feature_id    bigint NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('admin_area', 'street', 'transit_stop', 'transit_route', 'establishment', 'permit')),
  -- Streets only: search_street_key of their segments.
  street_key    text,
  name_fr       text,
  name_ar       text,
  code          text,
  -- The layer's classifying value: area level, road class, transit mode, category or permit kind.
  subtype       text,
  -- Small non-personal extras shown with a result: a stop's lines, a street's segments and length.
  details       jsonb NOT NULL DEFAULT '{}',
  geom          geometry(Geometry, 4326) NOT NULL,
  point         geometry(Point, 4326) NOT NULL GENERATED ALWAYS AS (search_representative_point(geom)) STORED,
  -- EPSG:26191 (metres) for distance ranking without a transform per candidate.
  point_metric  geometry(Point, 26191) NOT NULL GENERATED ALWAYS AS (ST_Transform(search_representative_point(geom), 26191)) STORED,
  key_fr        text GENERATED ALWAYS AS (search_normalize(name_fr)) STORED,
  key_ar        text GENERATED ALWAYS AS (search_normalize(name_ar)) STORED,
  key_code      text GENERATED ALWAYS AS (search_code(code)) STORED,
  PRIMARY KEY (layer, feature_id),
  CHECK ((kind = 'street') = (street_key IS NOT NULL))
);
-- Names are matched without their street type (search_core): with it, "rue 12" shared most of its
-- trigrams with every "Rue n" and a search had to rank tens of thousands of candidates. Keys of one or two
-- letters have no trigram worth indexing: they match whole words only, through the btree indexes.
--
-- A GIN index gathers new entries in a pending list that every search reads through sequentially until it
-- is merged: after a bulk import of 100,000 permits the default 4 MB list made a search 10 times slower.
-- A 256 kB list bounds that cost; turning the list off instead doubled the time of bulk inserts.
CREATE INDEX search_entries_core_fr_idx ON search_entries USING gin (search_core(key_fr) gin_trgm_ops) WITH (gin_pending_list_limit = 256);
CREATE INDEX search_entries_core_ar_idx ON search_entries USING gin (search_core(key_ar) gin_trgm_ops) WITH (gin_pending_list_limit = 256);
CREATE INDEX search_entries_key_code_idx ON search_entries USING gin (key_code gin_trgm_ops) WITH (gin_pending_list_limit = 256);
CREATE INDEX search_entries_core_fr_words_idx ON search_entries (search_core(key_fr) text_pattern_ops);
CREATE INDEX search_entries_core_ar_words_idx ON search_entries (search_core(key_ar) text_pattern_ops);
CREATE INDEX search_entries_street_idx ON search_entries (street_key) WHERE street_key IS NOT NULL;

-- Finds the segments of a street by name when one of them changes.
CREATE INDEX road_segments_street_key_idx ON road_segments (search_street_key(name_fr, name_ar));

-- What each layer contributes, as a SELECT list over a row `r` of its table (or of a transition table):
-- feature_id, kind, name_fr, name_ar, code, subtype, details, geom. Road segments are handled as streets.
CREATE FUNCTION search_entry_columns(layer_id text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE layer_id
    WHEN 'admin_areas' THEN $c$r.id, 'admin_area', r.name_fr, r.name_ar, r.code, r.level, '{}'::jsonb, r.geom$c$
    WHEN 'transit_stops' THEN $c$r.id, 'transit_stop', r.name_fr, r.name_ar, r.code, r.mode, jsonb_build_object('line_codes', to_jsonb(r.line_codes)), r.geom$c$
    WHEN 'transit_routes' THEN $c$r.id, 'transit_route', r.name_fr, r.name_ar, r.line_code, r.mode, jsonb_build_object('colour', r.colour), r.geom$c$
    WHEN 'establishments' THEN $c$r.id, 'establishment', r.name_fr, r.name_ar, NULL, r.category, '{}'::jsonb, r.geom$c$
    WHEN 'permits' THEN $c$r.id, 'permit', NULL, NULL, r.reference, r.kind, '{}'::jsonb, r.geom$c$
  END
$$;

-- The statement copying rows of `source` (a table, or a transition table, which is visible only to the
-- trigger function itself and so must be run there) of a layer into search_entries.
CREATE FUNCTION search_entries_insert_sql(layer_id text, source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format(
    'INSERT INTO search_entries (layer, feature_id, kind, name_fr, name_ar, code, subtype, details, geom) SELECT %L, %s FROM %s AS r',
    layer_id, search_entry_columns(layer_id), source)
$$;

-- Statement-level trigger of the feature layers (TG_ARGV[0] = layer id): old rows out, new rows in.
CREATE FUNCTION search_entries_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM search_entries WHERE layer = TG_ARGV[0];
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM search_entries e USING old_rows o WHERE e.layer = TG_ARGV[0] AND e.feature_id = o.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE search_entries_insert_sql(TG_ARGV[0], 'new_rows');
  END IF;
  RETURN NULL;
END;
$$;

-- Re-derives the streets with these keys from their road segments. Segments of one name form one street
-- when each lies within 150 m (EPSG:26191) of another: carriageways split by a median or a roundabout stay
-- one street, the same name in another neighbourhood is another. A street's display names are the most
-- frequent among its segments, its subtype the most frequent road class.
--
-- Concurrent writers: each takes a transaction-level advisory lock per key (sorted, so two writers cannot
-- deadlock on them) and then rebuilds from a fresh snapshot, so the second sees the first's commit and
-- no rebuild is lost. A bulk change (many keys) takes one exclusive lock on all streets instead of
-- thousands of key locks, which would exhaust the lock table.
CREATE FUNCTION search_streets_refresh(keys text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(keys) = 0 THEN
    RETURN;
  ELSIF cardinality(keys) > 64 THEN
    PERFORM pg_advisory_xact_lock(727006, 0);
  ELSE
    PERFORM pg_advisory_xact_lock_shared(727006, 0);
    PERFORM pg_advisory_xact_lock(727006, hashtext(k)) FROM (SELECT DISTINCT k FROM unnest(keys) AS k ORDER BY k) AS sorted;
  END IF;
  DELETE FROM search_entries WHERE street_key = ANY (keys);
  INSERT INTO search_entries (layer, feature_id, kind, street_key, name_fr, name_ar, subtype, details, geom)
  SELECT 'road_segments', min(s.id), 'street', s.street_key,
         mode() WITHIN GROUP (ORDER BY s.name_fr), mode() WITHIN GROUP (ORDER BY s.name_ar),
         mode() WITHIN GROUP (ORDER BY s.road_class),
         jsonb_build_object('segment_ids', to_jsonb(array_agg(s.id ORDER BY s.id)),
                            'length_m', round(sum(ST_Length(s.geom::geography)))),
         ST_Multi(ST_Collect(s.geom ORDER BY s.id))
    FROM (SELECT r.id, r.name_fr, r.name_ar, r.road_class, r.geom, wanted.street_key,
                 ST_ClusterDBSCAN(ST_Transform(r.geom, 26191), 150, 1) OVER (PARTITION BY wanted.street_key) AS cluster
            FROM (SELECT DISTINCT unnest(keys) AS street_key) AS wanted
            JOIN road_segments r ON search_street_key(r.name_fr, r.name_ar) = wanted.street_key) AS s
   GROUP BY s.street_key, s.cluster;
END;
$$;

-- Statement-level trigger of road_segments: refreshes the streets whose segments were added, removed,
-- renamed or moved (other changes, such as a new surface, leave the streets alone).
CREATE FUNCTION search_streets_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM search_entries WHERE layer = 'road_segments';
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM search_streets_refresh(ARRAY(
      SELECT DISTINCT search_street_key(n.name_fr, n.name_ar) FROM new_rows n WHERE search_street_key(n.name_fr, n.name_ar) IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM search_streets_refresh(ARRAY(
      SELECT DISTINCT search_street_key(o.name_fr, o.name_ar) FROM old_rows o WHERE search_street_key(o.name_fr, o.name_ar) IS NOT NULL));
  ELSE
    PERFORM search_streets_refresh(ARRAY(
      SELECT DISTINCT k
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       CROSS JOIN LATERAL (VALUES (search_street_key(o.name_fr, o.name_ar)), (search_street_key(n.name_fr, n.name_ar))) AS changed(k)
       WHERE k IS NOT NULL
         AND (o.name_fr IS DISTINCT FROM n.name_fr OR o.name_ar IS DISTINCT FROM n.name_ar OR NOT ST_OrderingEquals(o.geom, n.geom))));
  END IF;
  RETURN NULL;
END;
$$;

-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
DO $$
DECLARE
  layer_id text;
BEGIN
  FOREACH layer_id IN ARRAY ARRAY['admin_areas', 'transit_stops', 'transit_routes', 'establishments', 'permits'] LOOP
    EXECUTE format('CREATE TRIGGER search_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync(%L)', layer_id, layer_id);
    EXECUTE format('CREATE TRIGGER search_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync(%L)', layer_id, layer_id);
    EXECUTE format('CREATE TRIGGER search_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync(%L)', layer_id, layer_id);
    EXECUTE format('CREATE TRIGGER search_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync(%L)', layer_id, layer_id);
    EXECUTE search_entries_insert_sql(layer_id, quote_ident(layer_id));
  END LOOP;
END;
$$;

CREATE TRIGGER search_insert AFTER INSERT ON road_segments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_streets_sync();
CREATE TRIGGER search_update AFTER UPDATE ON road_segments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_streets_sync();
CREATE TRIGGER search_delete AFTER DELETE ON road_segments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_streets_sync();
CREATE TRIGGER search_truncate AFTER TRUNCATE ON road_segments
  FOR EACH STATEMENT EXECUTE FUNCTION search_streets_sync();

SELECT search_streets_refresh(ARRAY(SELECT DISTINCT search_street_key(name_fr, name_ar) FROM road_segments WHERE search_street_key(name_fr, name_ar) IS NOT NULL));
