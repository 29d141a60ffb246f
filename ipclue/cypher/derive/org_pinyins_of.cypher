// The pinyin keys of the mentions of organisation parties $uids (an incremental late organisation
// pass starts from them; derive/org_pinyins_shared keeps those it can use).
UNWIND $uids AS u
MATCH (m:Mention)-[:REFERS_TO]->(:Party {uid: u, kind: 'org'})
WHERE m.block_pinyin IS NOT NULL
RETURN DISTINCT m.block_pinyin AS key
