// The pinyin keys under which organisation mentions refer to two parties or more, one of them without
// a USCC (two parties with full codes are two organisations): where the late organisation pass
// (derive, after the group pass) looks for one organisation spelt two ways. From the few parties
// without a code, not from every organisation mention.
MATCH (p:Party)
WHERE p.kind = 'org' AND p.uscc IS NULL
MATCH (own:Mention)-[:REFERS_TO]->(p)
WHERE own.block_pinyin IS NOT NULL
WITH DISTINCT own.block_pinyin AS key
MATCH (m:Mention {block_pinyin: key})-[:REFERS_TO]->(q:Party)
WHERE q.kind = 'org'
WITH key, count(DISTINCT q) AS parties
WHERE parties > 1
RETURN key
ORDER BY key
