// Assign a flag (assignee and due date; null clears them) and keep the change in its comment thread.
MATCH (x:Flag {id: $id})
SET x.assignee = $assignee, x.due_on = $due_on, x.updated_at = datetime()
CREATE (x)-[:COMMENTED]->(:Comment {at: datetime(), by: $by, kind: 'assignment', text: $text})
RETURN x.id AS id
