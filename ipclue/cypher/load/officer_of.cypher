// A person holds an office (董事, 监事, 经理 …) in a company.
UNWIND $rows AS row
MATCH (a:Party {uid: row.uid})
MATCH (b:Party {uid: row.to})
MERGE (a)-[r:OFFICER_OF]->(b)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END, r.title = coalesce(row.title, r.title)
