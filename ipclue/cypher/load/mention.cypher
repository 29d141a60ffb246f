// A party as written in one source, linked to the party it was resolved to (rule, score, evidence).
// A mention re-resolved to another party loses its old link: the graph always shows the current choice.
// A mention has exactly one source, its IN_SOURCE relationship (no `sources` property, unlike other nodes).
UNWIND $rows AS row
MERGE (m:Mention {id: row.id})
SET m += row.props
WITH m, row
MATCH (p:Party {uid: row.uid})
MATCH (s:Source {sha256: row.src})
MERGE (m)-[:IN_SOURCE]->(s)
MERGE (m)-[r:REFERS_TO]->(p)
SET r.rule = row.rule, r.score = row.score, r.evidence = row.evidence
WITH m, p
OPTIONAL MATCH (m)-[old:REFERS_TO]->(q:Party) WHERE q <> p
DELETE old
