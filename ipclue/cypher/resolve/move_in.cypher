// Per row: move relationships pointing at party row.b (other than mentions' REFERS_TO) to party row.a,
// any type. row.only: when a list, only relationships whose every source is in it move (a split).
// Rows run in order, each seeing the writes of the rows before it.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Party {uid: row.a}), (b:Party {uid: row.b})
  MATCH (x)-[r]->(b) WHERE NOT r:REFERS_TO AND (NOT x:Party OR x.uid <> row.a)
  WITH a, r, x, type(r) AS t, properties(r) AS pr, row.only AS only
  WHERE only IS NULL OR all(s IN coalesce(r.sources, []) WHERE s IN only)
  CALL (a, r, x, t, pr) {
    OPTIONAL MATCH (x)-[e:$(t)]->(a)
    WHERE coalesce(e.role, '') = coalesce(r.role, '') AND coalesce(e.case_no, '') = coalesce(r.case_no, '')
    WITH e LIMIT 1
    RETURN e
  }
  FOREACH (_ IN CASE WHEN e IS NULL THEN [1] ELSE [] END | CREATE (x)-[n:$(t)]->(a) SET n = pr)
  FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END |
    SET e.sources = reduce(acc = coalesce(e.sources, []), s IN coalesce(pr.sources, []) |
                           CASE WHEN s IN acc THEN acc ELSE acc + s END))
  DELETE r
  RETURN count(*) AS moved
}
RETURN sum(moved) AS moved
