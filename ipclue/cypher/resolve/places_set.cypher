// Store the place names known from the data (sorted).
MERGE (m:SchemaMeta {name: 'places'})
SET m.values = $places
RETURN size(m.values) AS places
