// Organisation parties sharing a blocking key with the batch: exact name key, variant key,
// pinyin key (on Mention, indexed) or a full USCC (on Party). Returns one profile per party, with
// its members: the non-anonymised people in roles there ('agent:' lawyers, 'manager:' others).
CALL () {
  UNWIND $names AS k MATCH (m:Mention {name_key: k}) WHERE m.kind = 'org'
  MATCH (m)-[:REFERS_TO]->(p:Party) RETURN p
  UNION
  UNWIND $variants AS k MATCH (m:Mention {block_variant: k})
  MATCH (m)-[:REFERS_TO]->(p:Party) RETURN p
  UNION
  UNWIND $pinyins AS k MATCH (m:Mention {block_pinyin: k})
  MATCH (m)-[:REFERS_TO]->(p:Party) RETURN p
  UNION
  UNWIND $usccs AS k MATCH (p:Party {uscc: k}) RETURN p
}
WITH DISTINCT p WHERE p.kind = 'org'
CALL (p) {
  MATCH (x:Mention)-[:REFERS_TO]->(p)
  RETURN collect(DISTINCT x.name) AS names, collect(DISTINCT x.uscc) AS usccs, count(x) AS size
}
RETURN p.uid AS uid, p.kind AS kind, p.uscc AS uscc, names + coalesce(p.aliases, []) AS names, usccs, size,
       [(p)-[:LOCATED_AT]->(a:Address) WHERE coalesce(a.generic, false) = false | a.value] AS addresses,
       [(r:Party)-[:LEGAL_REP_OF]->(p) | r.name] AS reps,
       [(r:Party)-[:MEMBER_OF]->(p) WHERE NOT coalesce(r.anonymised, false) | 'agent:' + r.name] +
       [(r:Party)-[:LEGAL_REP_OF|OFFICER_OF|SHAREHOLDER_OF]->(p)
        WHERE r.kind = 'person' AND NOT coalesce(r.anonymised, false) | 'manager:' + r.name] AS members
