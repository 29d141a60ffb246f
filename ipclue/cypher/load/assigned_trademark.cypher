// A trademark was assigned to this party (on = transfer date).
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
MATCH (n:Trademark {reg_no: row.key})
MERGE (p)-[r:ASSIGNED]->(n)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END, r.on = row.on
