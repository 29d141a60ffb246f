// In a case, a party was represented by an agent.
UNWIND $rows AS row
MATCH (a:Party {uid: row.uid})
MATCH (b:Party {uid: row.to})
MERGE (a)-[r:REPRESENTED_BY {case_no: row.case_no}]->(b)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
