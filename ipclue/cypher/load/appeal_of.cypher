// A later case (appeal, retrial) cites an earlier one; an unseen earlier case is a stub.
UNWIND $rows AS row
MATCH (c:Case {case_no: row.key})
MERGE (prior:Case {case_no: row.target})
ON CREATE SET prior.stub = true
SET prior.sources = CASE WHEN row.src IN coalesce(prior.sources, []) THEN prior.sources ELSE coalesce(prior.sources, []) + row.src END
MERGE (c)-[r:APPEAL_OF]->(prior)
SET r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
