// Addresses of organisations $uids: the place names they contain are never taken for a 字号.
UNWIND $uids AS u
MATCH (:Party {uid: u})-[:LOCATED_AT]->(a:Address)
RETURN DISTINCT a.value AS value
