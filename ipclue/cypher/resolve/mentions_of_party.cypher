// Which of these mention ids refer to party $uid, and how many mentions it has in all.
MATCH (m:Mention)-[:REFERS_TO]->(p:Party {uid: $uid})
WITH collect(m.id) AS all_ids
UNWIND all_ids AS id
WITH id, size(all_ids) AS total WHERE id IN $ids
RETURN id, total
