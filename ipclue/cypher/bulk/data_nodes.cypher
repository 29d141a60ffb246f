// How many nodes hold data (anything but the schema's version node): a bulk import needs none.
MATCH (n) WITH count(n) AS nodes
OPTIONAL MATCH (m:SchemaMeta)
WITH nodes, count(m) AS meta
RETURN nodes - meta AS nodes
