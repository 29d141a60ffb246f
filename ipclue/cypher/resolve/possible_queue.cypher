// The review queue: possible matches across the graph, best score first, then by the two uids; a page
// of $limit after the cursor ($score, $a, $b: the last row of the previous page; $score null for the
// first page), of rule $rule (null: any) and score at least $min_score.
MATCH (x:Party)-[r:POSSIBLY_SAME]->(y:Party)
WHERE ($rule IS NULL OR r.rule = $rule) AND r.score >= $min_score
  AND ($score IS NULL OR r.score < $score OR (r.score = $score AND (x.uid > $a OR (x.uid = $a AND y.uid > $b))))
RETURN x.uid AS a, x.name AS a_name, y.uid AS b, y.name AS b_name, r.score AS score, r.rule AS rule,
       r.evidence AS evidence
ORDER BY score DESC, a, b
LIMIT $limit
