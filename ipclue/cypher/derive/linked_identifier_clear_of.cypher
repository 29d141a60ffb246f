// Remove the shared-identifier links through the addresses, phones and emails of parties $uids.
UNWIND $uids AS u
MATCH (:Party {uid: u})-[:LOCATED_AT|HAS_PHONE|HAS_EMAIL]->(n)
WITH DISTINCT n
MATCH (n)<-[:LOCATED_AT|HAS_PHONE|HAS_EMAIL]-(:Party)-[l:LINKED]-(:Party)
WHERE l.via = 'shared_' + toLower(labels(n)[0]) AND l.through = n.value
WITH DISTINCT l
DELETE l
RETURN count(*) AS removed
