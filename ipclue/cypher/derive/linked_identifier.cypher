// Two parties sharing a non-generic address, phone or email.
MATCH (a:Party)-[:LOCATED_AT|HAS_PHONE|HAS_EMAIL]->(n)<-[:LOCATED_AT|HAS_PHONE|HAS_EMAIL]-(b:Party)
WHERE a.uid < b.uid AND coalesce(n.generic, false) = false
WITH a, b, n, 'shared_' + toLower(labels(n)[0]) AS via
MERGE (a)-[l:LINKED {via: via, through: n.value}]->(b)
SET l.evidence = 'same ' + toLower(labels(n)[0]) + ' ' + n.value, l.derived = true
RETURN count(l) AS linked
