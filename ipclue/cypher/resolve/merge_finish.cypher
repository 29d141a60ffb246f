// After a force-merge: $a inherits $b's code and history, then $b (now bare) is deleted.
MATCH (a:Party {uid: $a}), (b:Party {uid: $b})
SET a.uscc = coalesce(a.uscc, b.uscc),
    a.merged_from = coalesce(a.merged_from, []) + [$b] + coalesce(b.merged_from, [])
DETACH DELETE b
RETURN a.uid AS uid
