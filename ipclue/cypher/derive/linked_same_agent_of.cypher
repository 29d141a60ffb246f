// same_agent / same_firm links between the pairs $pairs ([p, q], p < q), derived again from every
// case the two share (the evidence names the first such case). A case's representations are
// looked up by its number (the index represented_by_case), not by expanding p's and q's own edges.
UNWIND $pairs AS pair
MATCH (p:Party {uid: pair[0]}), (q:Party {uid: pair[1]})
CALL (p, q) {
  OPTIONAL MATCH (p)-[l:LINKED]-(q) WHERE l.via IN ['same_agent', 'same_firm']
  DELETE l
}
CALL (p, q) {
  // the cases they share, walked from the one with fewer (a rights holder has thousands); the
  // subquery keeps the planner from starting at the other end
  WITH p, q, COUNT { (p)-[:PARTY_TO]->() } <= COUNT { (q)-[:PARTY_TO]->() } AS from_p
  WITH CASE WHEN from_p THEN p ELSE q END AS s, CASE WHEN from_p THEN q ELSE p END AS t
  MATCH (s)-[rs:PARTY_TO]->(c:Case)
  CALL (c, t) { MATCH (c)<-[rt:PARTY_TO]-(t) RETURN rt }
  WITH s, t, c, rs, rt
  WHERE (rs.role IN $side_a AND rt.role IN $side_b) OR (rt.role IN $side_a AND rs.role IN $side_b)
  WITH DISTINCT s, t, c
  // s2 and t2 rebind s and t so that the index hint applies (a bound start node would be expanded)
  MATCH (s2:Party)-[r1:REPRESENTED_BY]->(x:Party)
  USING INDEX SEEK r1:REPRESENTED_BY(case_no)
  WHERE r1.case_no = c.case_no AND s2 = s
  MATCH (t2:Party)-[r2:REPRESENTED_BY]->(y:Party)
  USING INDEX SEEK r2:REPRESENTED_BY(case_no)
  WHERE r2.case_no = c.case_no AND t2 = t
  OPTIONAL MATCH (x)-[:MEMBER_OF]->(f:Party)<-[:MEMBER_OF]-(y)
  WITH c, x, y, f WHERE x = y OR f IS NOT NULL
  RETURN c, CASE WHEN x = y THEN 'same_agent' ELSE 'same_firm' END AS via, CASE WHEN x = y THEN x ELSE f END AS agent
}
WITH p, q, via, agent, min(c.case_no) AS first
MERGE (p)-[l:LINKED {via: via, through: agent.uid}]->(q)
SET l.evidence = via + ' ' + agent.name + ' on both sides of ' + first, l.derived = true
RETURN count(l) AS linked
