// The possible match between parties $a and $b, if any (either direction).
MATCH (:Party {uid: $a})-[r:POSSIBLY_SAME]-(:Party {uid: $b})
RETURN r.score AS score, r.rule AS rule, r.evidence AS evidence
