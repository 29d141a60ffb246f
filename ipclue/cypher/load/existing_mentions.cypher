// Which of these mention ids are already in the graph.
UNWIND $keys AS key
MATCH (n:Mention {id: key})
RETURN key
