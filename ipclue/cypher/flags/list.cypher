// A page of flags, filtered; ordered by score (desc) then id, resumed after a cursor.
MATCH (x:Flag)
WHERE ($detector IS NULL OR x.detector = $detector)
  AND ($family IS NULL OR x.family = $family)
  AND ($severity IS NULL OR x.severity = $severity)
  AND ($status IS NULL OR x.status = $status)
  AND ($since IS NULL OR x.created_at >= $since)
  AND ($until IS NULL OR x.created_at < $until)
  AND ($party IS NULL OR ('Party:' + $party) IN x.subject_keys)
  AND ($after_score IS NULL OR x.score < $after_score OR (x.score = $after_score AND x.id > $after_id))
RETURN x {.*} AS flag
ORDER BY x.score DESC, x.id ASC
LIMIT $limit
