// Re-point mentions of party $b (all, or only $mentions when a list) to party $a, recording the judgement.
MATCH (a:Party {uid: $a})
MATCH (m:Mention)-[r:REFERS_TO]->(b:Party {uid: $b})
WHERE $mentions IS NULL OR m.id IN $mentions
CREATE (m)-[n:REFERS_TO]->(a)
SET n.rule = $rule, n.score = coalesce($score, 1.0),
    n.evidence = $evidence + ' (was ' + coalesce(r.rule, '?') + ': ' + coalesce(r.evidence, '') + ')'
DELETE r
RETURN count(*) AS moved
