// The flags on one party (for its risk summary); no row when the party does not exist.
MATCH (p:Party {uid: $uid})
RETURN p.uid AS uid,
  COLLECT { MATCH (f:Flag)-[:FLAGS]->(p)
            RETURN f {.id, .detector, .family, .severity, .score, .status, .reason,
                      created_at: toString(f.created_at), updated_at: toString(f.updated_at)} AS f
            ORDER BY f.score DESC LIMIT $cap } AS flags
