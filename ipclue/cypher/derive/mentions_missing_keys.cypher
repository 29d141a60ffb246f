// Organisation mentions without blocking keys yet (a page of them).
MATCH (m:Mention) WHERE m.kind = 'org' AND m.block_pinyin IS NULL
RETURN m.id AS id, m.name AS name
LIMIT $limit
