// Possible matches between person parties: not merged, left to a reviewer (score, rule, evidence).
UNWIND $rows AS row
MATCH (a:Party {uid: row.a})
MATCH (b:Party {uid: row.b})
MERGE (a)-[r:POSSIBLY_SAME]->(b)
SET r.score = row.score, r.rule = row.rule, r.evidence = row.evidence
RETURN count(r) AS linked
