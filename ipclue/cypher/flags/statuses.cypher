// The current status of each of these flags (for checking a bulk review's transitions).
MATCH (x:Flag) WHERE x.id IN $ids
RETURN x.id AS id, x.status AS status
