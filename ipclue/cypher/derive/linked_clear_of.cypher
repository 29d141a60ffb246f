// Remove the derived LINKED relationships of parties $uids (they are derived again).
UNWIND $uids AS u
MATCH (:Party {uid: u})-[l:LINKED]-(:Party)
WITH DISTINCT l
DELETE l
RETURN count(*) AS removed
