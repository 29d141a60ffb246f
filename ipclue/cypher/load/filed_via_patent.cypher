// An agency filed a patent application (stored agency → patent).
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
MATCH (n:Patent {number: row.key})
MERGE (p)-[r:FILED_VIA]->(n)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
