// Every possible match (benchmarks compare them with the generator's truth).
MATCH (a:Party)-[r:POSSIBLY_SAME]->(b:Party)
RETURN a.uid AS a, b.uid AS b, r.score AS score, r.rule AS rule
