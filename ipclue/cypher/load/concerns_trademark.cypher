// A case or penalty concerns a trademark; an unknown one is created as a stub until its registry record loads.
UNWIND $rows AS row
CALL (row) {
  MATCH (c:Case {case_no: row.key}) WHERE row.label = 'Case' RETURN c AS subject
  UNION
  MATCH (c:Penalty {decision_no: row.key}) WHERE row.label = 'Penalty' RETURN c AS subject
}
MERGE (t:Trademark {reg_no: row.target})
ON CREATE SET t.stub = true
SET t.sources = CASE WHEN row.src IN coalesce(t.sources, []) THEN t.sources ELSE coalesce(t.sources, []) + row.src END
MERGE (subject)-[r:CONCERNS]->(t)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
