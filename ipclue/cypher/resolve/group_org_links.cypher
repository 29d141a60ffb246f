// Links from organisations $uids to other organisations: branch or shareholder chains of
// organisations (one hop, or two through an organisation with at most $max_fanout such links)
// and a shared non-generic address or phone. One row per (a, b, kind, through), a.uid < b.uid;
// the caller keeps the rows whose b it asked about (a list membership test here would cost
// |rows| x |uids|).
UNWIND $uids AS u
MATCH (a:Party {uid: u})
CALL (a) {
  MATCH (a)-[r:BRANCH_OF|SHAREHOLDER_OF]-(b:Party)
  WHERE b.kind = 'org' AND b.uid > a.uid
  RETURN b, CASE type(r) WHEN 'BRANCH_OF' THEN 'branch' ELSE 'shareholder' END AS kind, b.name AS through
  UNION
  MATCH (a)-[r1:BRANCH_OF|SHAREHOLDER_OF]-(x:Party)-[r2:BRANCH_OF|SHAREHOLDER_OF]-(b:Party)
  WHERE x.kind = 'org' AND b.kind = 'org' AND b.uid > a.uid
    AND COUNT { (x)-[:BRANCH_OF|SHAREHOLDER_OF]-() } <= $max_fanout
  RETURN b, CASE WHEN type(r1) = 'BRANCH_OF' AND type(r2) = 'BRANCH_OF' THEN 'branch' ELSE 'shareholder' END AS kind,
         x.name AS through
  UNION
  MATCH (a)-[:LOCATED_AT|HAS_PHONE]->(n)<-[:LOCATED_AT|HAS_PHONE]-(b:Party)
  WHERE b.uid > a.uid AND coalesce(n.generic, false) = false
  RETURN b, CASE WHEN n:Phone THEN 'shared_phone' ELSE 'shared_address' END AS kind, n.value AS through
}
RETURN DISTINCT a.uid AS a, b.uid AS b, kind, through
