// Mark flags stale that rely on any of the parties $uids (a merge or split changed them);
// the next `ipclue detect` re-evaluates them (a re-raised flag is fresh again).
MATCH (x:Flag)
WHERE any(u IN coalesce(x.depends_on, []) WHERE u IN $uids)
SET x.stale = true, x.stale_since = datetime()
RETURN count(x) AS stale
