// Links among organisations $uids: branch or shareholder chains of organisations (≤ 2 hops) and a
// shared non-generic address or phone. One row per (a, b, kind, through) with a.uid < b.uid.
UNWIND $uids AS u
MATCH (a:Party {uid: u})
CALL (a) {
  MATCH path = (a)-[:BRANCH_OF|SHAREHOLDER_OF*1..2]-(b:Party)
  WHERE b.uid IN $uids AND b.uid > a.uid AND all(n IN nodes(path) WHERE n.kind = 'org')
  RETURN b.uid AS b,
         CASE WHEN all(r IN relationships(path) WHERE type(r) = 'BRANCH_OF') THEN 'branch' ELSE 'shareholder' END AS kind,
         CASE WHEN length(path) = 1 THEN b.name ELSE nodes(path)[1].name END AS through
  UNION
  MATCH (a)-[:LOCATED_AT|HAS_PHONE]->(n)<-[:LOCATED_AT|HAS_PHONE]-(b:Party)
  WHERE b.uid IN $uids AND b.uid > a.uid AND coalesce(n.generic, false) = false
  RETURN b.uid AS b, CASE WHEN n:Phone THEN 'shared_phone' ELSE 'shared_address' END AS kind, n.value AS through
}
RETURN DISTINCT a.uid AS a, b, kind, through
