// Flag agents and firms with more than $cutoff distinct clients as generic agents (only changed
// parties are written).
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
WITH p, degree, degree > $cutoff AS generic
FOREACH (_ IN CASE WHEN p.client_degree IS NULL OR p.client_degree <> degree OR p.generic_agent <> generic
                   THEN [1] ELSE [] END |
  SET p.client_degree = degree, p.generic_agent = generic)
RETURN count(CASE WHEN generic THEN 1 END) AS generic
