// Flag identifiers of one label shared by more than $cutoff parties as generic (others false). Only
// nodes whose degree or flag changes are written; `flipped` are the parties at identifiers whose flag
// changed (their shared-identifier links are derived again).
MATCH (n:$($label))
WITH n, COUNT { (n)<-[]-(:Party) } AS degree
WITH n, degree, degree > $cutoff AS generic, n.generic AS was
FOREACH (_ IN CASE WHEN was IS NULL OR was <> generic OR n.degree <> degree THEN [1] ELSE [] END |
  SET n.degree = degree, n.generic = generic)
WITH count(CASE WHEN generic THEN 1 END) AS generic,
     collect(CASE WHEN was IS NOT NULL AND was <> generic THEN n END) AS changed
CALL (changed) {
  UNWIND changed AS c
  MATCH (c)<-[]-(q:Party)
  RETURN collect(DISTINCT q.uid) AS flipped
}
RETURN generic, flipped
