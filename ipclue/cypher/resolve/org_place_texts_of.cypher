// The names as written and the addresses of the organisations among parties $uids.
UNWIND $uids AS u
MATCH (p:Party {uid: u}) WHERE p.kind = 'org'
CALL (p) {
  MATCH (m:Mention)-[:REFERS_TO]->(p) RETURN m.name AS value
  UNION
  MATCH (p)-[:LOCATED_AT]->(a:Address) RETURN a.value AS value
}
RETURN DISTINCT value
