// Names of the people holding a role at (or an agent for) an organisation whose name contains one of the place names
// $places (new to the graph: the organisation's 字号 stem may change).
MATCH (o:Party)
WHERE o.kind = 'org' AND any(p IN $places WHERE o.name CONTAINS p)
CALL (o) {
  MATCH (q:Party)-[:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|MEMBER_OF]->(o)
  RETURN q
  UNION
  MATCH (o)-[:REPRESENTED_BY]->(q:Party)
  RETURN q
}
WITH q WHERE q.kind = 'person' AND q.name_key IS NOT NULL
RETURN DISTINCT q.name_key AS name
