// Remove the possible match between parties $a and $b (a reviewer decided it).
MATCH (:Party {uid: $a})-[r:POSSIBLY_SAME]-(:Party {uid: $b})
DELETE r
RETURN count(*) AS removed
