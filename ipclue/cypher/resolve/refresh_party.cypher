// Recompute a party's aliases and sources from the mentions that now refer to it.
MATCH (p:Party {uid: $uid})
OPTIONAL MATCH (m:Mention)-[:REFERS_TO]->(p)
OPTIONAL MATCH (m)-[:IN_SOURCE]->(s:Source)
WITH p, collect(DISTINCT m.name) AS names, collect(DISTINCT s.sha256) AS srcs
SET p.aliases = names, p.sources = srcs, p.aliases_text = reduce(t = '', x IN names | t + ' ' + x)
RETURN p.uid AS uid, size(names) AS mentions
