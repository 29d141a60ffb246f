// Judgements naming this party (merge survivor/absorbed, split original/new) or its mentions.
MATCH (j:Judgement)
WHERE j.a = $uid OR j.b = $uid OR any(x IN coalesce(j.mentions, []) WHERE x IN $mentions)
RETURN j.id AS id, j.kind AS kind, j.a AS a, j.b AS b, j.note AS note, toString(j.at) AS at
ORDER BY at
