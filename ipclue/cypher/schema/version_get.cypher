MATCH (m:SchemaMeta {name: 'ipclue'}) RETURN m.version AS version, m.applied_at AS applied_at
