// Person parties (non-anonymised) whose name another person party bears too: their roles at
// organisations (their cities: corroborate.role_cities), the organisations they were an agent
// for in a case (AGENT_OF: the party's REPRESENTED_BY), birth dates and ID fragments;
// bearers = how many person parties bear the name.
MATCH (p:Party)
WHERE p.kind = 'person' AND coalesce(p.anonymised, false) = false AND size(coalesce(p.name_key, '')) >= 2
WITH p.name_key AS name, collect(p) AS ps
WHERE size(ps) > 1
UNWIND ps AS p
CALL (p) {
  OPTIONAL MATCH (p)-[r:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|MEMBER_OF]->(o:Party)
  WHERE o.kind = 'org'
  RETURN [x IN collect(DISTINCT CASE WHEN o IS NULL THEN NULL ELSE {role: type(r), org: o.uid, org_name: o.name} END)
          WHERE x IS NOT NULL] AS roles
}
CALL (p) {
  OPTIONAL MATCH (o:Party)-[:REPRESENTED_BY]->(p)
  WHERE o.kind = 'org'
  WITH DISTINCT o
  RETURN [x IN collect(CASE WHEN o IS NULL THEN NULL ELSE {role: 'AGENT_OF', org: o.uid, org_name: o.name} END)
          WHERE x IS NOT NULL] AS agent_of
}
CALL (p) {
  MATCH (m:Mention)-[:REFERS_TO]->(p)
  RETURN [b IN collect(DISTINCT m.birth_date) | toString(b)] AS births, collect(DISTINCT m.id_fragment) AS ids
}
RETURN name, size(ps) AS bearers, p.uid AS uid, roles + agent_of AS roles, births, ids
