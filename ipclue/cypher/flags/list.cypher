// A page of flags, filtered; ordered by rank (score descending, then id: see flags/upsert.cypher),
// resumed after the cursor's rank. `x.rank > $after` (the empty string for the first page) is a range
// read of the flag_rank index in rank order, so the planner stops once the page is full instead of
// reading every flag and sorting. Only the summary fields (a flag's evidence, params and legal text can
// be tens of kilobytes each), and its times as ISO strings (decoding driver DateTimes costs more in
// Python than the rest of the page); one row holding the page, since every streamed record costs the
// driver more than its few fields. A page of one severity is read by flags/list_by_severity instead.
MATCH (x:Flag)
WHERE x.rank > $after
  AND ($detector IS NULL OR x.detector = $detector)
  AND ($family IS NULL OR x.family = $family)
  AND ($severity IS NULL OR x.severity = $severity)
  AND ($status IS NULL OR x.status = $status)
  AND ($since IS NULL OR x.updated_at >= $since)
  AND ($until IS NULL OR x.updated_at < $until)
  AND ($party IS NULL OR ('Party:' + $party) IN x.subject_keys)
WITH x ORDER BY x.rank ASC LIMIT $limit
RETURN collect(x {.id, .detector, .detector_version, .family, .severity, .score, .status, .reason, .reason_en, .subjects,
                  .run_id, .rank, created_at: toString(x.created_at), updated_at: toString(x.updated_at)}) AS flags
