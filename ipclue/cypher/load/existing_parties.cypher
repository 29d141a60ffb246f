// Which of these party uids are already in the graph.
UNWIND $keys AS key
MATCH (n:Party {uid: key})
RETURN key
