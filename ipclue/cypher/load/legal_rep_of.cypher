// A person is the legal representative (or 负责人/经营者) of an organisation.
UNWIND $rows AS row
MATCH (a:Party {uid: row.uid})
MATCH (b:Party {uid: row.to})
MERGE (a)-[r:LEGAL_REP_OF]->(b)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END, r.title = coalesce(row.title, r.title)
