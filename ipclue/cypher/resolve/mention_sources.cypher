// Sources of the given mentions that no other mention of party $b shares (what a split may move).
MATCH (s:Source)<-[:IN_SOURCE]-(m:Mention)-[:REFERS_TO]->(:Party {uid: $b}) WHERE m.id IN $mentions
WITH collect(DISTINCT s.sha256) AS moving
OPTIONAL MATCH (t:Source)<-[:IN_SOURCE]-(o:Mention)-[:REFERS_TO]->(:Party {uid: $b}) WHERE NOT o.id IN $mentions
WITH moving, collect(DISTINCT t.sha256) AS staying
RETURN [s IN moving WHERE NOT s IN staying] AS only
