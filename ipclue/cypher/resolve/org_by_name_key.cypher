// Organisations already in the graph under these exact name keys (incremental resolution).
// An ambiguous key (two parties) is left out: it cannot decide by name alone.
UNWIND $keys AS key
MATCH (p:Party {name_key: key, kind: 'org'})
WITH key, collect(p.uid) AS uids
WHERE size(uids) = 1
RETURN key, uids[0] AS uid
