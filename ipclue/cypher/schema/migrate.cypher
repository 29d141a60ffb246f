// Data migrations, each idempotent (it touches only what an older schema version left behind).
// v5: flags carry `rank` (the list order: score descending, then id), as flags/upsert.cypher writes it.
MATCH (x:Flag) WHERE x.rank IS NULL AND x.score IS NOT NULL
SET x.rank = right('0000000' + toString(1000000 - toInteger(round(x.score * 1000000))), 7) + ' ' + x.id;
