// Opposing parties of one case represented by the same agent, or by agents of the same firm (the
// evidence names the first such case, so that it does not depend on storage order).
MATCH (a:Party)-[ra:PARTY_TO]->(c:Case)<-[rb:PARTY_TO]-(b:Party)
WHERE ra.role IN $side_a AND rb.role IN $side_b AND a <> b
MATCH (a)-[:REPRESENTED_BY {case_no: c.case_no}]->(x:Party)
MATCH (b)-[:REPRESENTED_BY {case_no: c.case_no}]->(y:Party)
OPTIONAL MATCH (x)-[:MEMBER_OF]->(f:Party)<-[:MEMBER_OF]-(y)
WITH a, b, c, x, y, f WHERE x = y OR f IS NOT NULL
WITH a, b, c, CASE WHEN x = y THEN 'same_agent' ELSE 'same_firm' END AS via,
     CASE WHEN x = y THEN x ELSE f END AS agent
WITH CASE WHEN a.uid < b.uid THEN a ELSE b END AS p, CASE WHEN a.uid < b.uid THEN b ELSE a END AS q, c, via, agent
WITH p, q, via, agent, min(c.case_no) AS first
MERGE (p)-[l:LINKED {via: via, through: agent.uid}]->(q)
SET l.evidence = via + ' ' + agent.name + ' on both sides of ' + first, l.derived = true
RETURN count(l) AS linked
