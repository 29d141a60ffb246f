// The centre of a neighbourhood: one party, projected like every graph node.
MATCH (n:Party {uid: $uid})
RETURN elementId(n) AS eid, labels(n) AS labels,
       n {.uid, .name, .kind, .uscc, .generic} AS node,
       COLLECT { MATCH (n)<-[:FLAGS]-(f:Flag) WHERE coalesce(f.status, 'new') <> 'dismissed' RETURN f.severity } AS risk,
       false AS personal
