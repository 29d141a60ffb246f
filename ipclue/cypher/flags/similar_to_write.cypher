// Store trademark similarity (later filing → earlier filing) computed at detect time.
UNWIND $rows AS row
MATCH (a:Trademark {reg_no: row.later})
MATCH (b:Trademark {reg_no: row.earlier})
MERGE (a)-[r:SIMILAR_TO]->(b)
SET r.score = row.score, r.method = row.method, r.computed_at = datetime()
