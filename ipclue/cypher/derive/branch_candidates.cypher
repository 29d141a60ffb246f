// Organisation parties whose name is a branch's (分公司 …) and that have no BRANCH_OF yet.
MATCH (p:Party) WHERE p.kind = 'org' AND p.name =~ $pattern AND NOT EXISTS { (p)-[:BRANCH_OF]->() }
RETURN p.uid AS uid, p.name AS name
