// Mentions already resolved (re-ingest): their current party and why. Keeps uids stable.
UNWIND $ids AS id
MATCH (m:Mention {id: id})-[r:REFERS_TO]->(p:Party)
RETURN m.id AS id, p.uid AS uid, r.rule AS rule, r.score AS score, r.evidence AS evidence
