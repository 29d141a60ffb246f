// Organisation parties among $uids without a USCC whose mentions carry one (checked in Python).
UNWIND $uids AS u
MATCH (m:Mention)-[:REFERS_TO]->(p:Party {uid: u})
WHERE p.kind = 'org' AND p.uscc IS NULL AND m.uscc IS NOT NULL
RETURN p.uid AS uid, collect(DISTINCT m.uscc) AS codes
