// The addresses of organisation parties $uids (for the city of those whose name names none).
UNWIND $uids AS u
MATCH (o:Party {uid: u})
RETURN o.uid AS uid, [(o)-[:LOCATED_AT]->(a:Address) | a.value] AS addresses
