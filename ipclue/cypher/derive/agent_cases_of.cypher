// Cases whose same_agent / same_firm links parties $uids may change: cases they are party to, cases
// they represent someone in, and cases the members of a firm among them represent someone in.
UNWIND $uids AS u
MATCH (p:Party {uid: u})
CALL (p) {
  MATCH (p)-[:PARTY_TO]->(c:Case) RETURN c.case_no AS case_no
  UNION
  MATCH (:Party)-[r:REPRESENTED_BY]->(p) RETURN r.case_no AS case_no
  UNION
  MATCH (:Party)-[r:REPRESENTED_BY]->(:Party)-[:MEMBER_OF]->(p) RETURN r.case_no AS case_no
}
WITH DISTINCT case_no WHERE case_no IS NOT NULL
RETURN case_no
