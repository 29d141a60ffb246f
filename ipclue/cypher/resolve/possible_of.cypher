// Possible matches of party $uid (either direction): the other party, score, rule, evidence.
MATCH (p:Party {uid: $uid})-[r:POSSIBLY_SAME]-(o:Party)
RETURN o.uid AS uid, o.name AS name, r.score AS score, r.rule AS rule, r.evidence AS evidence
ORDER BY score DESC, uid
