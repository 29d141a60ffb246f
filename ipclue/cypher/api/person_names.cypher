// The natural persons a consumer response may name, with their names and aliases (for masking):
// the persons among the party uids it holds, the persons one hop from those parties (legal
// representatives, officers, shareholders, agents: a flag's reason names them without a uid), and
// the persons whose name key is one of the response's short strings (an evidence list of agents).
CALL {
  MATCH (p:Party) WHERE p.uid IN $uids AND p.kind = 'person' RETURN p
  UNION
  MATCH (s:Party) WHERE s.uid IN $uids
  CALL (s) {
    MATCH (s)-[:LEGAL_REP_OF|OFFICER_OF|SHAREHOLDER_OF|MEMBER_OF|REPRESENTED_BY|LINKED]-(p:Party {kind: 'person'})
    RETURN p LIMIT 50
  }
  RETURN p
  UNION
  MATCH (p:Party) WHERE p.name_key IN $keys AND p.kind = 'person' RETURN p
}
WITH DISTINCT p LIMIT 5000
RETURN collect([p.uid, [p.name] + coalesce(p.aliases, [])]) AS persons
