// Possible matches between person parties: not merged, left to a reviewer (score, rule, evidence).
// The edge is symmetric; it is written from the lower uid to the higher, so its direction never depends
// on the order the pair was found in.
UNWIND $rows AS row
MATCH (a:Party {uid: CASE WHEN row.a < row.b THEN row.a ELSE row.b END})
MATCH (b:Party {uid: CASE WHEN row.a < row.b THEN row.b ELSE row.a END})
MERGE (a)-[r:POSSIBLY_SAME]->(b)
SET r.score = row.score, r.rule = row.rule, r.evidence = row.evidence
RETURN count(r) AS linked
