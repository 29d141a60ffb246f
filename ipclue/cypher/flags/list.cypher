// A page of flags, filtered; ordered by score (desc) then id, resumed after a cursor. Only the summary
// fields (a flag's evidence, params and legal text can be tens of kilobytes each), and its
// times as ISO strings (decoding driver DateTimes costs more in Python than the rest of the page); one
// row holding the page, since every streamed record costs the driver more than its few fields.
// `x.score IS NOT NULL` (every flag has a score) lets the planner walk the flag_score index in score
// order and stop once the page is full, instead of scanning and sorting every flag.
MATCH (x:Flag)
WHERE x.score IS NOT NULL
  AND ($detector IS NULL OR x.detector = $detector)
  AND ($family IS NULL OR x.family = $family)
  AND ($severity IS NULL OR x.severity = $severity)
  AND ($status IS NULL OR x.status = $status)
  AND ($since IS NULL OR x.created_at >= $since)
  AND ($until IS NULL OR x.created_at < $until)
  AND ($party IS NULL OR ('Party:' + $party) IN x.subject_keys)
  AND ($after_score IS NULL OR x.score < $after_score OR (x.score = $after_score AND x.id > $after_id))
WITH x ORDER BY x.score DESC, x.id ASC LIMIT $limit
RETURN collect(x {.id, .detector, .detector_version, .family, .severity, .score, .status, .reason, .subjects,
                  .run_id, created_at: toString(x.created_at), updated_at: toString(x.updated_at)}) AS flags
