// Every organisation name as written and every organisation address: the place names they contain
// are never taken for a 字号 (neither is ever removed from the graph, so the set only grows).
MATCH (m:Mention) WHERE m.kind = 'org'
RETURN DISTINCT m.name AS value
UNION
MATCH (p:Party)-[:LOCATED_AT]->(a:Address) WHERE p.kind = 'org'
RETURN DISTINCT a.value AS value
