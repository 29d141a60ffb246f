// How many possible matches the review queue holds for rule $rule (null: any) at score $min_score or more.
MATCH ()-[r:POSSIBLY_SAME]->()
WHERE ($rule IS NULL OR r.rule = $rule) AND r.score >= $min_score
RETURN count(r) AS total
