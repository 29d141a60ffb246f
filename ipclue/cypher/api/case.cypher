// One case with its parties, agents, the rights it concerns, appeals and sources.
MATCH (c:Case {case_no: $key})
RETURN c {.*, sources: null} AS record,
  COLLECT { MATCH (p:Party)-[r:PARTY_TO]->(c)
            RETURN {uid: p.uid, name: p.name, kind: p.kind, role: r.role, role_text: r.role_text} AS x
            LIMIT $cap } AS parties,
  COLLECT { MATCH (p:Party)-[r:REPRESENTED_BY]->(a:Party)
            USING INDEX SEEK r:REPRESENTED_BY(case_no)
            WHERE r.case_no = c.case_no AND EXISTS { (p)-[:PARTY_TO]->(c) }
            RETURN {party: p.uid, agent: a.uid, agent_name: a.name} AS x LIMIT $cap } AS agents,
  COLLECT { MATCH (c)-[:CONCERNS]->(t)
            RETURN {label: labels(t)[0], key: coalesce(t.reg_no, t.number), name: coalesce(t.mark, t.title)} AS x
            LIMIT $cap } AS concerns,
  COLLECT { MATCH (c)-[:APPEAL_OF]->(x:Case) RETURN x.case_no AS x } AS appeal_of,
  COLLECT { MATCH (x:Case)-[:APPEAL_OF]->(c) RETURN x.case_no AS x } AS appealed_by,
  COLLECT { MATCH (c)-[:FROM_SOURCE]->(s:Source) RETURN s {.sha256, .path} AS x } AS sources
