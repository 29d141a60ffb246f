// A party holds shares of a company (pct when known).
UNWIND $rows AS row
MATCH (a:Party {uid: row.uid})
MATCH (b:Party {uid: row.to})
MERGE (a)-[r:SHAREHOLDER_OF]->(b)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END, r.pct = coalesce(row.pct, r.pct)
