-- `along` finds a street's segments by name (lower-case French name, or Arabic name) before it searches
-- around each of them: without these indexes that lookup read the whole road table (35 ms of the 48 ms of
-- an along query on the benchmark's 150,000 segments).
CREATE INDEX road_segments_name_fr_lower_idx ON road_segments (lower(name_fr));
CREATE INDEX road_segments_name_ar_idx ON road_segments (name_ar);
