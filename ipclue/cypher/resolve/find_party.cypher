// Parties for a uid, or for a name (party name key, or any mention's name key).
CALL () {
  MATCH (p:Party {uid: $text}) RETURN p
  UNION
  MATCH (p:Party {name_key: $key}) RETURN p
  UNION
  MATCH (:Mention {name_key: $key})-[:REFERS_TO]->(p:Party) RETURN p
}
RETURN DISTINCT p.uid AS uid
ORDER BY uid
