// Remove derived LINKED relationships before they are derived again.
MATCH ()-[l:LINKED]->()
DELETE l
RETURN count(*) AS removed
