// flags/list for one severity: a seek of the (severity, rank) index, read in rank order. With the
// severity as a filter on the rank index instead, a page of a rare severity read every flag ranked
// above its last one ("low" on the 100k bench graph: 5,348 db hits for 50 flags; this: 103).
// The other filters, the page and its fields are those of flags/list.
MATCH (x:Flag)
WHERE x.severity = $severity AND x.rank > $after
  AND ($detector IS NULL OR x.detector = $detector)
  AND ($family IS NULL OR x.family = $family)
  AND ($status IS NULL OR x.status = $status)
  AND ($since IS NULL OR x.updated_at >= $since)
  AND ($until IS NULL OR x.updated_at < $until)
  AND ($party IS NULL OR ('Party:' + $party) IN x.subject_keys)
WITH x ORDER BY x.severity, x.rank ASC LIMIT $limit
RETURN collect(x {.id, .detector, .detector_version, .family, .severity, .score, .status, .reason, .reason_en, .subjects,
                  .run_id, .rank, created_at: toString(x.created_at), updated_at: toString(x.updated_at)}) AS flags
