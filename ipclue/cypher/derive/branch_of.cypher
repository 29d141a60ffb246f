// Link a branch to its parent found by the parent's exact name key (derived, with row.evidence, worded
// in Python: derive.branch_evidence); returns
// how many branches were linked and the uids of both ends.
UNWIND $rows AS row
MATCH (b:Party {uid: row.uid})
MATCH (m:Mention {name_key: row.parent_key})-[:REFERS_TO]->(p:Party)
WHERE p.kind = 'org' AND p <> b
MERGE (b)-[r:BRANCH_OF]->(p)
ON CREATE SET r.derived = true, r.evidence = row.evidence
RETURN count(DISTINCT b) AS linked, collect(DISTINCT b.uid) + collect(DISTINCT p.uid) AS uids
