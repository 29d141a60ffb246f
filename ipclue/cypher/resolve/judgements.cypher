// Every user judgement (force-merge / force-split), oldest first: the resolver replays them.
MATCH (j:Judgement)
RETURN j.id AS id, j.kind AS kind, j.a AS a, j.b AS b, j.note AS note, j.at AS at
ORDER BY j.at, j.id
