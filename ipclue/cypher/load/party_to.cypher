// A party took part in a case in a role (plaintiff, defendant, appellant …).
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
MATCH (c:Case {case_no: row.key})
MERGE (p)-[r:PARTY_TO {role: row.role}]->(c)
SET r.role_text = row.role_text, r.sources = CASE WHEN row.src IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + row.src END
