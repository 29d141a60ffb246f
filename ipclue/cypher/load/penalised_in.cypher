// A party was the subject of an administrative penalty decision.
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
MATCH (n:Penalty {decision_no: row.key})
MERGE (p)-[r:PENALISED_IN]->(n)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
