// Every data node with its labels and properties (comparing a bulk load with a transactional one).
MATCH (n) WHERE NOT n:SchemaMeta
RETURN labels(n) AS labels, properties(n) AS props
