// A party uses a shared identifier (Email).
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
MATCH (n:Email {value: row.value})
MERGE (p)-[r:HAS_EMAIL]->(n)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
