// Queue parties $uids for the next incremental derive (a merge or split moved their relationships).
MERGE (q:SchemaMeta {name: 'rederive'})
SET q.uids = reduce(acc = coalesce(q.uids, []), u IN $uids | CASE WHEN u IN acc THEN acc ELSE acc + u END)
RETURN size(q.uids) AS queued
