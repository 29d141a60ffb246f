// Of the pinyin keys $keys, those under which organisation mentions refer to two parties or more, one
// of them without a USCC (see org_shared_pinyins): the keys the late organisation pass reads.
UNWIND $keys AS key
MATCH (m:Mention {block_pinyin: key})-[:REFERS_TO]->(p:Party)
WHERE p.kind = 'org'
WITH key, collect(DISTINCT p.uscc IS NULL) AS open, count(DISTINCT p) AS parties
WHERE parties > 1 AND true IN open
RETURN key
