// A party, its flags, and every mention with the rule, score and evidence of its link and its source path.
MATCH (p:Party {uid: $uid})
OPTIONAL MATCH (m:Mention)-[r:REFERS_TO]->(p)
OPTIONAL MATCH (m)-[:IN_SOURCE]->(s:Source)
WITH p, collect(CASE WHEN m IS NULL THEN NULL ELSE {id: m.id, name: m.name, context: m.context, role: m.role,
     rule: r.rule, score: r.score, evidence: r.evidence, path: s.path} END) AS mentions
RETURN p.kind AS kind, p.name AS name, p.uscc AS uscc, p.aliases AS aliases, p.anonymised AS anonymised,
       {generic_agent: p.generic_agent, client_degree: p.client_degree, merged_from: p.merged_from,
        split_from: p.split_from} AS flags, mentions
