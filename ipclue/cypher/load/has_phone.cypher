// A party uses a shared identifier (Phone).
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
MATCH (n:Phone {value: row.value})
MERGE (p)-[r:HAS_PHONE]->(n)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
