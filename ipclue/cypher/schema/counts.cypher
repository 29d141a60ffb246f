// Node counts by label and relationship counts by type.
MATCH (n) UNWIND labels(n) AS name RETURN 'node' AS what, name, count(*) AS count
UNION ALL
MATCH ()-[r]->() RETURN 'rel' AS what, type(r) AS name, count(*) AS count
