// Record a review: set the flag's status and keep the note as a (:Review) node.
MATCH (x:Flag {id: $id})
SET x.status = $status, x.updated_at = datetime()
CREATE (x)-[:REVIEWED]->(:Review {at: datetime(), by: $by, status: $status, note: $note})
RETURN x.id AS id
