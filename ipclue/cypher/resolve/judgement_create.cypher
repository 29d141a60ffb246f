// Store a judgement (idempotent on its id).
MERGE (j:Judgement {id: $id})
ON CREATE SET j.kind = $kind, j.a = $a, j.b = $b, j.note = $note, j.at = datetime(), j.mentions = $mentions
RETURN j.id AS id
