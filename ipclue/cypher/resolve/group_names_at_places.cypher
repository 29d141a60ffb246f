// Names of the people holding a role at an organisation whose name contains one of the place names
// $places (new to the graph: the organisation's 字号 stem may change).
MATCH (o:Party)
WHERE o.kind = 'org' AND any(p IN $places WHERE o.name CONTAINS p)
MATCH (q:Party)-[:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|MEMBER_OF]->(o)
WHERE q.kind = 'person' AND q.name_key IS NOT NULL
RETURN DISTINCT q.name_key AS name
