// The possible matches at parties bearing one of the names $names (lower uid first, as stored).
UNWIND $names AS n
MATCH (a:Party {name_key: n})-[r:POSSIBLY_SAME]-(:Party)
WITH DISTINCT r
RETURN startNode(r).uid AS a, endNode(r).uid AS b, r.score AS score, r.rule AS rule, r.evidence AS evidence
