// The parties queued for re-derivation (rederive_mark), emptying the queue.
MATCH (q:SchemaMeta {name: 'rederive'})
WITH q, coalesce(q.uids, []) AS uids
SET q.uids = []
RETURN uids
