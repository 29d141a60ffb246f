// The bounded set of registered marks compared for similarity, with their applicants.
MATCH (t:Trademark)
WHERE NOT coalesce(t.stub, false) AND t.mark IS NOT NULL AND size(t.mark) >= $min_len
OPTIONAL MATCH (a:Party)-[:APPLIED_FOR]->(t)
RETURN t.reg_no AS reg_no, t.mark AS mark, t.filed_on AS filed_on, collect(a.uid) AS applicants
ORDER BY t.filed_on DESC
LIMIT $max_marks
