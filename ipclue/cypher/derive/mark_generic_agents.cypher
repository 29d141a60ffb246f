// Flag agents and firms with more than $cutoff distinct clients as generic agents.
MATCH (p:Party)
WHERE EXISTS { (:Party)-[:REPRESENTED_BY]->(p) } OR EXISTS { (:Party)-[:MEMBER_OF]->(p) }
   OR EXISTS { (p)-[:FILED_VIA]->() }
CALL (p) {
  MATCH (q:Party)-[:REPRESENTED_BY]->(p) RETURN q
  UNION
  MATCH (q:Party)-[:REPRESENTED_BY]->(:Party)-[:MEMBER_OF]->(p) RETURN q
  UNION
  MATCH (p)-[:FILED_VIA]->()<-[:APPLIED_FOR]-(q:Party) RETURN q
}
WITH p, count(DISTINCT q) AS degree
SET p.client_degree = degree, p.generic_agent = degree > $cutoff
RETURN count(CASE WHEN p.generic_agent THEN 1 END) AS generic
