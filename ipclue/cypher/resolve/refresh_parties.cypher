// Recompute the aliases and sources of parties $uids from the mentions that now refer to them.
UNWIND $uids AS uid
MATCH (p:Party {uid: uid})
CALL (p) {
  OPTIONAL MATCH (m:Mention)-[:REFERS_TO]->(p)
  OPTIONAL MATCH (m)-[:IN_SOURCE]->(s:Source)
  RETURN collect(DISTINCT m.name) AS names, collect(DISTINCT s.sha256) AS srcs
}
SET p.aliases = names, p.sources = srcs, p.aliases_text = reduce(t = '', x IN names | t + ' ' + x)
RETURN count(p) AS refreshed
