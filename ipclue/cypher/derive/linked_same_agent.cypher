// Opposing parties of one case represented by the same agent, or by agents of the same firm (the
// evidence names the first such case, so that it does not depend on storage order). A case's
// representations are looked up once by its number (the index represented_by_case), not by expanding
// each party's REPRESENTED_BY edges per case: quadratic for a party with thousands of cases.
MATCH (c:Case)
CALL (c) {
  MATCH (y:Party)-[r:REPRESENTED_BY]->(ag:Party)
  USING INDEX SEEK r:REPRESENTED_BY(case_no)
  WHERE r.case_no = c.case_no
  RETURN collect({of: y, agent: ag}) AS reps
}
WITH c, reps WHERE size(reps) > 1
MATCH (a:Party)-[ra:PARTY_TO]->(c)<-[rb:PARTY_TO]-(b:Party)
WHERE ra.role IN $side_a AND rb.role IN $side_b AND a <> b
UNWIND [r IN reps WHERE r.of = a | r.agent] AS x
UNWIND [r IN reps WHERE r.of = b | r.agent] AS y
OPTIONAL MATCH (x)-[:MEMBER_OF]->(f:Party)<-[:MEMBER_OF]-(y)
WITH a, b, c, x, y, f WHERE x = y OR f IS NOT NULL
WITH a, b, c, CASE WHEN x = y THEN 'same_agent' ELSE 'same_firm' END AS via,
     CASE WHEN x = y THEN x ELSE f END AS agent
WITH CASE WHEN a.uid < b.uid THEN a ELSE b END AS p, CASE WHEN a.uid < b.uid THEN b ELSE a END AS q, c, via, agent
WITH p, q, via, agent, min(c.case_no) AS first
MERGE (p)-[l:LINKED {via: via, through: agent.uid}]->(q)
SET l.evidence = via + ' ' + agent.name + ' on both sides of ' + first, l.derived = true
RETURN count(l) AS linked
