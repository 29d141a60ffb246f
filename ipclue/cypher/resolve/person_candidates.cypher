// Non-anonymised person parties with one of these name keys, with what could corroborate them:
// birth dates, ID fragments, non-generic addresses, related organisations (roles, firms).
UNWIND $names AS k
MATCH (m:Mention {name_key: k})-[:REFERS_TO]->(p:Party)
WHERE m.kind = 'person' AND coalesce(m.anonymised, false) = false
WITH DISTINCT p WHERE p.kind = 'person'
CALL (p) {
  MATCH (x:Mention)-[:REFERS_TO]->(p)
  RETURN collect(DISTINCT x.name) AS names, collect(DISTINCT x.birth_date) AS births,
         collect(DISTINCT x.id_fragment) AS ids, collect(DISTINCT x.context) AS contexts, count(x) AS size
}
RETURN p.uid AS uid, p.kind AS kind, p.anonymised AS anonymised, names, births, ids, contexts, size,
       [(p)-[:LOCATED_AT]->(a:Address) WHERE coalesce(a.generic, false) = false | a.value] AS addresses,
       [(p)-[:LEGAL_REP_OF|OFFICER_OF|SHAREHOLDER_OF|MEMBER_OF]->(o:Party) | o.uid] +
       [(p)-[:INVENTOR_OF]->(:Patent)<-[:APPLIED_FOR]-(o:Party) | o.uid] AS orgs
