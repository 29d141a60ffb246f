// Legal representatives whose organisations' legal_rep links may have changed: parties $uids that
// represent an organisation, and the representatives of organisations among $uids.
UNWIND $uids AS u
MATCH (p:Party {uid: u})
CALL (p) {
  MATCH (p)-[:LEGAL_REP_OF]->(:Party) RETURN p.uid AS rep
  UNION
  MATCH (r:Party)-[:LEGAL_REP_OF]->(p) RETURN r.uid AS rep
}
RETURN DISTINCT rep
