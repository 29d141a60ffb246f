// An agency filed a trademark application (stored agency → trademark).
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
MATCH (n:Trademark {reg_no: row.key})
MERGE (p)-[r:FILED_VIA]->(n)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
