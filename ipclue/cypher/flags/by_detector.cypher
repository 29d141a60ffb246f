// The stored flags of one detector, to compare a dry run with: id, status, score and reason.
MATCH (f:Flag {detector: $detector})
RETURN f.id AS id, f.status AS status, f.score AS score, f.reason AS reason, f.reason_en AS reason_en
ORDER BY f.score DESC, f.id
