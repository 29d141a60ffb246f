// Every possible match (benchmarks compare them with the generator's truth; the group pass writes
// only the difference to its plan).
MATCH (a:Party)-[r:POSSIBLY_SAME]->(b:Party)
RETURN a.uid AS a, b.uid AS b, r.score AS score, r.rule AS rule, r.evidence AS evidence
