// Recompute the aliases and sources of parties $uids from the mentions that now refer to them, in an
// order given by the data (mention name, source sha256), not by storage: a bulk-imported and a
// transactionally loaded database give the same lists.
UNWIND $uids AS uid
MATCH (p:Party {uid: uid})
CALL (p) {
  OPTIONAL MATCH (m:Mention)-[:REFERS_TO]->(p)
  OPTIONAL MATCH (m)-[:IN_SOURCE]->(s:Source)
  WITH m, s ORDER BY m.name, s.sha256
  RETURN collect(DISTINCT m.name) AS names, collect(DISTINCT s.sha256) AS srcs
}
SET p.aliases = names, p.sources = srcs, p.aliases_text = reduce(t = '', x IN names | t + ' ' + x)
RETURN count(p) AS refreshed
