// Opposing parties (lower uid first) of cases $cases, side A against side B.
UNWIND $cases AS cn
MATCH (a:Party)-[ra:PARTY_TO]->(:Case {case_no: cn})<-[rb:PARTY_TO]-(b:Party)
WHERE ra.role IN $side_a AND rb.role IN $side_b AND a <> b
WITH DISTINCT CASE WHEN a.uid < b.uid THEN [a.uid, b.uid] ELSE [b.uid, a.uid] END AS pair
RETURN pair[0] AS p, pair[1] AS q
