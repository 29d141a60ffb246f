// same_agent / same_firm links between the pairs $pairs ([p, q], p < q), derived again from every
// case the two share (the evidence names the first such case).
UNWIND $pairs AS pair
MATCH (p:Party {uid: pair[0]}), (q:Party {uid: pair[1]})
CALL (p, q) {
  OPTIONAL MATCH (p)-[l:LINKED]-(q) WHERE l.via IN ['same_agent', 'same_firm']
  DELETE l
}
CALL (p, q) {
  MATCH (p)-[ra:PARTY_TO]->(c:Case)<-[rb:PARTY_TO]-(q)
  WHERE (ra.role IN $side_a AND rb.role IN $side_b) OR (rb.role IN $side_a AND ra.role IN $side_b)
  WITH DISTINCT c
  MATCH (p)-[:REPRESENTED_BY {case_no: c.case_no}]->(x:Party)
  MATCH (q)-[:REPRESENTED_BY {case_no: c.case_no}]->(y:Party)
  OPTIONAL MATCH (x)-[:MEMBER_OF]->(f:Party)<-[:MEMBER_OF]-(y)
  WITH c, x, y, f WHERE x = y OR f IS NOT NULL
  RETURN c, CASE WHEN x = y THEN 'same_agent' ELSE 'same_firm' END AS via, CASE WHEN x = y THEN x ELSE f END AS agent
}
WITH p, q, via, agent, min(c.case_no) AS first
MERGE (p)-[l:LINKED {via: via, through: agent.uid}]->(q)
SET l.evidence = via + ' ' + agent.name + ' on both sides of ' + first, l.derived = true
RETURN count(l) AS linked
