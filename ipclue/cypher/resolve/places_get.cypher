// The place names the last derive knew (null before the first derive that stored them).
OPTIONAL MATCH (m:SchemaMeta {name: 'places'})
RETURN m.values AS places
