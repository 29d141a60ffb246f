// What a flag's parties rest on: per party its weakest REFERS_TO link (rule, score, evidence),
// and the POSSIBLY_SAME edges among the given parties.
UNWIND $uids AS u
MATCH (p:Party {uid: u})
CALL (p) {
  MATCH (m:Mention)-[r:REFERS_TO]->(p)
  WITH r ORDER BY r.score ASC, r.rule LIMIT 1
  RETURN r.rule AS rule, r.score AS score, r.evidence AS evidence
}
RETURN p.uid AS uid, p.name AS name, rule, score, evidence,
       [(p)-[s:POSSIBLY_SAME]-(o:Party) WHERE o.uid IN $uids |
        {a: startNode(s).uid, b: endNode(s).uid, score: s.score, rule: s.rule, evidence: s.evidence}] AS possible
