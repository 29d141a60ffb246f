// Create the party a force-split moves mentions to (kind and flags copied from the original).
MATCH (b:Party {uid: $b})
MATCH (m:Mention {id: $mentions[0]})
MERGE (c:Party {uid: $a})
ON CREATE SET c.kind = b.kind, c.name = m.name, c.name_key = m.name_key, c.anonymised = b.anonymised,
              c.split_from = $b
RETURN c.uid AS uid
