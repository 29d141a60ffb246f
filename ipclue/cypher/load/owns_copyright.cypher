// A party holds a registered copyright (著作权人), since its registration date.
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
MATCH (n:Copyright {reg_no: row.key})
MERGE (p)-[r:OWNS]->(n)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END, r.on = row.on
