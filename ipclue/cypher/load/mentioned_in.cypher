// An organisation named in the body of a case (查明/认为) or a penalty (违法事实), not as a party:
// a supplier, manufacturer, shop or licensee. One edge per party and record; span = character offsets.
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
CALL (row) {
  MATCH (c:Case {case_no: row.key}) WHERE row.label = 'Case' RETURN c AS subject
  UNION
  MATCH (c:Penalty {decision_no: row.key}) WHERE row.label = 'Penalty' RETURN c AS subject
}
MERGE (p)-[r:MENTIONED_IN]->(subject)
SET r.section = row.section, r.span_start = row.span_start, r.span_end = row.span_end,
    r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
