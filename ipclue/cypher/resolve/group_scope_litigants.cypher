// Names whose litigation pairs (suits.py) parties $uids can change: the person parties in a case, or
// legal representatives of a party in it, where one of $uids is a party, an agent, or the firm of an
// agent (a suit names its opponents and the firms of both sides' agents by uid; a merge, or an agent
// found later at a firm, changes them).
UNWIND $uids AS u
MATCH (p:Party {uid: u})
CALL (p) {
  MATCH (p)-[:PARTY_TO]->(c:Case) RETURN c
  UNION
  MATCH (:Party)-[r:REPRESENTED_BY]->(p) MATCH (c:Case {case_no: r.case_no}) RETURN c
  UNION
  MATCH (:Party)-[r:REPRESENTED_BY]->(:Party)-[:MEMBER_OF]->(p) MATCH (c:Case {case_no: r.case_no}) RETURN c
}
WITH DISTINCT c
CALL (c) {
  MATCH (q:Party)-[:PARTY_TO]->(c) RETURN q
  UNION
  MATCH (q:Party)-[:LEGAL_REP_OF]->(:Party)-[:PARTY_TO]->(c) RETURN q
}
WITH DISTINCT q WHERE q.kind = 'person' AND q.name_key IS NOT NULL
RETURN q.name_key AS name
