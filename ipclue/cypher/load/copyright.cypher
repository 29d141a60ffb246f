// Copyright registrations (software and works) keyed by reg_no, each linked to the source it was read from.
UNWIND $rows AS row
MERGE (n:Copyright {reg_no: row.key})
SET n += row.props, n.sources = CASE WHEN row.src IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + row.src END
WITH n, row
MATCH (s:Source {sha256: row.src})
MERGE (n)-[:FROM_SOURCE]->(s)
