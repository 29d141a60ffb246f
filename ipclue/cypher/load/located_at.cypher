// A party uses a shared identifier (Address).
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
MATCH (n:Address {value: row.value})
MERGE (p)-[r:LOCATED_AT]->(n)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
