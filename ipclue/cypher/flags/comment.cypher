// Add a comment to a flag's thread.
MATCH (x:Flag {id: $id})
SET x.updated_at = datetime()
CREATE (x)-[:COMMENTED]->(c:Comment {at: datetime(), by: $by, kind: 'comment', text: $text})
RETURN x.id AS id
