// The parties a report names: each party's display fields and its mentions (how it was resolved: rule,
// score) in the report's sources first, then elsewhere; capped at $cap mentions a party.
UNWIND $uids AS uid
MATCH (p:Party {uid: uid})
RETURN p {.uid, .name, .kind, .uscc, .anonymised} AS party,
  COLLECT { MATCH (m:Mention)-[r:REFERS_TO]->(p)
            OPTIONAL MATCH (m)-[:IN_SOURCE]->(s:Source)
            WITH m, r, s ORDER BY CASE WHEN s.sha256 IN $shas THEN 0 ELSE 1 END, m.id
            RETURN {name: m.name, role: m.role, rule: r.rule, score: r.score, sha256: s.sha256,
                    path: s.path, in_evidence: s.sha256 IN $shas} AS x
            LIMIT $cap } AS mentions
