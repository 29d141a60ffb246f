// Shared identifiers as nodes (Address); whether one is generic is decided after loading.
UNWIND $rows AS row
MERGE (n:Address {value: row.value})
SET n.sources = CASE WHEN row.src IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + row.src END
