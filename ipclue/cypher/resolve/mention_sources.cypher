// Sources of the given mentions that no other mention of party $b shares (what a split may move).
MATCH (m:Mention)-[:REFERS_TO]->(:Party {uid: $b}) WHERE m.id IN $mentions
WITH collect(DISTINCT m.source) AS moving
OPTIONAL MATCH (o:Mention)-[:REFERS_TO]->(:Party {uid: $b}) WHERE NOT o.id IN $mentions
WITH moving, collect(DISTINCT o.source) AS staying
RETURN [s IN moving WHERE NOT s IN staying] AS only
