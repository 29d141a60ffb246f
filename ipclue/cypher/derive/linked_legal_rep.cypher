// Two organisations with the same legal representative (person party), unless the person
// represents more than $max_fanout organisations.
MATCH (r:Party)-[:LEGAL_REP_OF]->(a:Party)
WITH r, collect(DISTINCT a) AS orgs WHERE 2 <= size(orgs) <= $max_fanout
UNWIND orgs AS a
UNWIND orgs AS b
WITH r, a, b WHERE a.uid < b.uid
MERGE (a)-[l:LINKED {via: 'legal_rep', through: r.uid}]->(b)
SET l.evidence = 'same legal representative ' + r.name, l.derived = true
RETURN count(l) AS linked
