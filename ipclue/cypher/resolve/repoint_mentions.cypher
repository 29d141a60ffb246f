// Per row: re-point mentions of party row.b (all, or only row.mentions when a list) to party row.a,
// recording the judgement. Rows run in order, each seeing the writes of the rows before it.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Party {uid: row.a})
  MATCH (m:Mention)-[r:REFERS_TO]->(b:Party {uid: row.b})
  WHERE row.mentions IS NULL OR m.id IN row.mentions
  CREATE (m)-[n:REFERS_TO]->(a)
  SET n.rule = row.rule, n.score = coalesce(row.score, 1.0),
      n.evidence = row.evidence + ' (was ' + coalesce(r.rule, '?') + ': ' + coalesce(r.evidence, '') + ')'
  DELETE r
  RETURN count(*) AS moved
}
RETURN sum(moved) AS moved
