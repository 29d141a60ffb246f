// Remove the possible matches between the pairs $rows ({a, b}), in either direction.
UNWIND $rows AS row
MATCH (:Party {uid: row.a})-[r:POSSIBLY_SAME]-(:Party {uid: row.b})
DELETE r
RETURN count(*) AS removed
