// Per row: move party row.b's outgoing relationships to party row.a (force-merge / force-split, the
// group pass), any type. row.only: when a list, only relationships whose every source is in it move
// (a split). A relationship row.a already has (same type, other end, role, case_no) absorbs the
// sources instead. Rows run in order, each seeing the writes of the rows before it.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Party {uid: row.a}), (b:Party {uid: row.b})
  MATCH (b)-[r]->(x) WHERE NOT x:Party OR x.uid <> row.a
  WITH a, r, x, type(r) AS t, properties(r) AS pr, row.only AS only
  WHERE only IS NULL OR all(s IN coalesce(r.sources, []) WHERE s IN only)
  CALL (a, r, x, t, pr) {
    OPTIONAL MATCH (a)-[e:$(t)]->(x)
    WHERE coalesce(e.role, '') = coalesce(r.role, '') AND coalesce(e.case_no, '') = coalesce(r.case_no, '')
    WITH e LIMIT 1
    RETURN e
  }
  FOREACH (_ IN CASE WHEN e IS NULL THEN [1] ELSE [] END | CREATE (a)-[n:$(t)]->(x) SET n = pr)
  FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END |
    SET e.sources = reduce(acc = coalesce(e.sources, []), s IN coalesce(pr.sources, []) |
                           CASE WHEN s IN acc THEN acc ELSE acc + s END))
  DELETE r
  RETURN count(*) AS moved
}
RETURN sum(moved) AS moved
