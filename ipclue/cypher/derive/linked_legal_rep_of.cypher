// Two organisations with the same legal representative, for representatives $reps (see
// linked_legal_rep: not when the person represents more than $max_fanout organisations).
UNWIND $reps AS u
MATCH (r:Party {uid: u})-[:LEGAL_REP_OF]->(a:Party)
WITH r, collect(DISTINCT a) AS orgs WHERE 2 <= size(orgs) <= $max_fanout
UNWIND orgs AS a
UNWIND orgs AS b
WITH r, a, b WHERE a.uid < b.uid
MERGE (a)-[l:LINKED {via: 'legal_rep', through: r.uid}]->(b)
SET l.evidence = 'same legal representative ' + r.name, l.derived = true
RETURN count(l) AS linked
