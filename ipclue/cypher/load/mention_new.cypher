// Fast path for mentions not yet in the graph (the loader checked): CREATE instead of MERGE.
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
MATCH (s:Source {sha256: row.src})
CREATE (m:Mention {id: row.id})
SET m += row.props
CREATE (m)-[:IN_SOURCE]->(s)
CREATE (m)-[:REFERS_TO {rule: row.rule, score: row.score, evidence: row.evidence}]->(p)
