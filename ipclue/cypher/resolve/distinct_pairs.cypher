// Pairs of parties a reviewer declared different people (a rejected possible match).
MATCH (j:Judgement {kind: 'distinct'})
RETURN j.a AS a, j.b AS b
