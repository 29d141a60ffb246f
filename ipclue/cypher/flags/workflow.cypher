// A flag's assignee, due date and comment thread (oldest first), capped at $cap comments.
MATCH (x:Flag {id: $id})
RETURN x.assignee AS assignee, x.due_on AS due_on,
  COLLECT { MATCH (x)-[:COMMENTED]->(c:Comment)
            RETURN c {.by, .kind, .text, at: toString(c.at)} AS c ORDER BY c.at LIMIT $cap } AS comments
