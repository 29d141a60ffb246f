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
// every representation in the case at once, by the index on its case number: expanding a party's own
// REPRESENTED_BY edges per case costs its whole case count each time (quadratic for a rights holder
// with thousands of cases)
CALL (c) {
  MATCH (y:Party)-[rb:REPRESENTED_BY]->(:Party)-[:MEMBER_OF]->(f:Party)
  USING INDEX SEEK rb:REPRESENTED_BY(case_no)
  WHERE rb.case_no = c.case_no
  RETURN collect({of: y.uid, firm: [f.uid, f.name]}) AS firms
}
RETURN p.uid AS uid, c.case_no AS case_no, c.court AS court, role, via,
       [r IN firms WHERE r.of = x.uid | r.firm] AS counsel,
       [(y:Party)-[ry:PARTY_TO]->(c) WHERE y <> x |
          {uid: y.uid, name: y.name, role: ry.role,
           firms: [r IN firms WHERE r.of = y.uid | r.firm]}] AS others
