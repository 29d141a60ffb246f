// A branch (分公司) belongs to its parent company.
UNWIND $rows AS row
MATCH (a:Party {uid: row.uid})
MATCH (b:Party {uid: row.to})
MERGE (a)-[r:BRANCH_OF]->(b)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
