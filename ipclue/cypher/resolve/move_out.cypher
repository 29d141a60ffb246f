// Move party $b's outgoing relationships to party $a (force-merge / force-split), any type.
// $only: when a list, only relationships whose every source is in it move (a split).
// A relationship $a already has (same type, other end, role, case_no) absorbs the sources instead.
MATCH (a:Party {uid: $a}), (b:Party {uid: $b})
MATCH (b)-[r]->(x) WHERE NOT x:Party OR x.uid <> $a
WITH a, r, x, type(r) AS t, properties(r) AS pr
WHERE $only IS NULL OR all(s IN coalesce(r.sources, []) WHERE s IN $only)
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
