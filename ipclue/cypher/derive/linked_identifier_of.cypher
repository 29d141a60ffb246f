// Two parties sharing a non-generic address, phone or email, for the identifiers of parties $uids.
UNWIND $uids AS u
MATCH (:Party {uid: u})-[:LOCATED_AT|HAS_PHONE|HAS_EMAIL]->(n)
WITH DISTINCT n WHERE coalesce(n.generic, false) = false
MATCH (a:Party)-[:LOCATED_AT|HAS_PHONE|HAS_EMAIL]->(n)<-[:LOCATED_AT|HAS_PHONE|HAS_EMAIL]-(b:Party)
WHERE a.uid < b.uid
WITH a, b, n, 'shared_' + toLower(labels(n)[0]) AS via
MERGE (a)-[l:LINKED {via: via, through: n.value}]->(b)
SET l.evidence = 'same ' + toLower(labels(n)[0]) + ' ' + n.value, l.derived = true
RETURN count(l) AS linked
