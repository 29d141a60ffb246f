// One administrative penalty with the party penalised, its legal representative and the rights concerned.
MATCH (n:Penalty {decision_no: $key})
RETURN n {.*, sources: null} AS record,
  COLLECT { MATCH (p:Party)-[:PENALISED_IN]->(n)
            RETURN {uid: p.uid, name: p.name, kind: p.kind, uscc: p.uscc, role: 'penalised'} AS x LIMIT $cap } AS parties,
  COLLECT { MATCH (n)-[:CONCERNS]->(t)
            RETURN {label: labels(t)[0], key: coalesce(t.reg_no, t.number), name: coalesce(t.mark, t.title)} AS x
            LIMIT $cap } AS concerns,
  COLLECT { MATCH (n)-[:FROM_SOURCE]->(s:Source) RETURN s {.sha256, .path} AS x } AS sources
