// The mention ids a split judgement moved.
MATCH (j:Judgement {id: $id})
RETURN j.mentions AS mentions
