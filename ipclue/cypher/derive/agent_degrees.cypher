// Degree histogram of agents and firms: distinct clients represented (directly or via a member
// lawyer) or whose trademark / patent applications they filed.
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
RETURN degree, count(*) AS n
