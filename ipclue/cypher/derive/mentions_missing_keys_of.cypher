// Organisation mentions of parties $uids without blocking keys yet.
UNWIND $uids AS u
MATCH (:Party {uid: u})<-[:REFERS_TO]-(m:Mention)
WHERE m.kind = 'org' AND m.block_pinyin IS NULL
RETURN m.id AS id, m.name AS name
