// The pinyin keys of the mentions of organisation parties $uids under which two parties or more are
// named, one of them without a USCC (an incremental late organisation pass; see org_shared_pinyins).
UNWIND $uids AS u
MATCH (own:Mention)-[:REFERS_TO]->(:Party {uid: u, kind: 'org'})
WHERE own.block_pinyin IS NOT NULL
WITH DISTINCT own.block_pinyin AS key
MATCH (m:Mention {block_pinyin: key})-[:REFERS_TO]->(p:Party)
WITH key, collect(DISTINCT p.uscc IS NULL) AS open, count(DISTINCT p) AS parties
WHERE parties > 1 AND true IN open
RETURN key
