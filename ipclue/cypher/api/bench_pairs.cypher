// Party pairs that met in a case: the benchmark's sample of profiles, neighbourhoods and path ends.
MATCH (p:Party)-[:PARTY_TO]->(:Case)<-[:PARTY_TO]-(q:Party)
WHERE p <> q
RETURN p.uid AS a, q.uid AS b
LIMIT 2000
