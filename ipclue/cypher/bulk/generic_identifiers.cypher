// The addresses and phones flagged generic (after derive's generic step): the bulk load's group
// plan assumed these.
MATCH (n:Address|Phone) WHERE n.generic = true
RETURN labels(n)[0] AS label, n.value AS value
