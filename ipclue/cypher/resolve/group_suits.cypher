// The cases of the person parties $uids (the group pass's litigation pairs, see suits.py): each case
// they are a party to, or a party to as its 法定代表人 (via: that party's name), with the court, the
// role ($roles only), the firms of the party's agents in that case, and the other parties with
// their roles and their agents' firms.
UNWIND $uids AS uid
MATCH (p:Party {uid: uid})
CALL (p) {
  MATCH (p)-[r:PARTY_TO]->(c:Case)
  RETURN p AS x, r.role AS role, c, '' AS via
  UNION
  MATCH (p)-[:LEGAL_REP_OF]->(x:Party)-[r:PARTY_TO]->(c:Case)
  RETURN x, r.role AS role, c, x.name AS via
}
WITH p, x, role, c, via
WHERE role IN $roles
RETURN p.uid AS uid, c.case_no AS case_no, c.court AS court, role, via,
       [(x)-[rb:REPRESENTED_BY]->(:Party)-[:MEMBER_OF]->(f:Party) WHERE rb.case_no = c.case_no | [f.uid, f.name]] AS counsel,
       [(y:Party)-[ry:PARTY_TO]->(c) WHERE y <> x |
          {uid: y.uid, name: y.name, role: ry.role,
           firms: [(y)-[rb:REPRESENTED_BY]->(:Party)-[:MEMBER_OF]->(f:Party) WHERE rb.case_no = c.case_no | [f.uid, f.name]]}] AS others
