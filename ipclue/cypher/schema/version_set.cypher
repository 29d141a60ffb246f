MERGE (m:SchemaMeta {name: 'ipclue'})
SET m.version = $version, m.applied_at = datetime()
RETURN m.version AS version
