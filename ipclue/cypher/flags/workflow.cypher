// A flag's assignee, due date and comment thread (oldest first), capped at $cap comments.
// Ordered by the datetime itself, not its text: toString drops trailing zeros ("…25.7Z" sorts after "…25.71Z").
MATCH (x:Flag {id: $id})
RETURN x.assignee AS assignee, x.due_on AS due_on,
  COLLECT { MATCH (x)-[:COMMENTED]->(c:Comment)
            RETURN c {.by, .kind, .text, at: toString(c.at)} AS comment ORDER BY c.at LIMIT $cap } AS comments
