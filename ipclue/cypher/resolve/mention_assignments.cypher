// Every mention with the party it refers to, the rule, and its source path (benchmarks, audits).
MATCH (m:Mention)-[r:REFERS_TO]->(p:Party)
OPTIONAL MATCH (m)-[:IN_SOURCE]->(s:Source)
RETURN m.id AS id, m.name AS name, m.name_key AS name_key, m.kind AS kind, m.anonymised AS anon,
       m.context AS context, p.uid AS uid, r.rule AS rule, s.path AS path
