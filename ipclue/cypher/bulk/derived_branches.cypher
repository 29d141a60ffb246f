// The BRANCH_OF links derive found from branch names (a branch's uid, its parent's): the bulk
// load's group plan assumed these.
MATCH (a:Party)-[r:BRANCH_OF]->(b:Party) WHERE r.derived = true
RETURN a.uid AS a, b.uid AS b
