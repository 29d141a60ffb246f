// Names whose group-pass plan parties $uids can change: their own (persons), and those of the people
// holding a role at them or at an organisation one branch/shareholder hop away, or an agent for them in a
// case (organisations).
UNWIND $uids AS u
MATCH (p:Party {uid: u})
CALL (p) {
  WITH p WHERE p.kind = 'person'
  RETURN p.name_key AS name
  UNION
  MATCH (q:Party)-[:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|MEMBER_OF]->(p)
  WHERE p.kind = 'org' AND q.kind = 'person'
  RETURN q.name_key AS name
  UNION
  MATCH (p)-[:REPRESENTED_BY]->(q:Party)
  WHERE p.kind = 'org' AND q.kind = 'person'
  RETURN q.name_key AS name
  UNION
  MATCH (q:Party)-[:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|MEMBER_OF]->(o:Party)-[:BRANCH_OF|SHAREHOLDER_OF]-(p)
  WHERE p.kind = 'org' AND o.kind = 'org' AND q.kind = 'person'
  RETURN q.name_key AS name
  UNION
  MATCH (o:Party)-[:REPRESENTED_BY]->(q:Party), (o)-[:BRANCH_OF|SHAREHOLDER_OF]-(p)
  WHERE p.kind = 'org' AND o.kind = 'org' AND q.kind = 'person'
  RETURN q.name_key AS name
}
WITH DISTINCT name WHERE name IS NOT NULL
RETURN name
