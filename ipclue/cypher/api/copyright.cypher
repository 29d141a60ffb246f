// One copyright registration (software or work) with its owners and the sources it was read from.
MATCH (t:Copyright {reg_no: $key})
RETURN t {.*, sources: null} AS record,
  COLLECT { MATCH (p:Party)-[r:OWNS]->(t)
            RETURN {uid: p.uid, name: p.name, kind: p.kind, relation: type(r), on: r.on} AS x LIMIT $cap } AS parties,
  [] AS concerned_by,
  COLLECT { MATCH (t)-[:FROM_SOURCE]->(s:Source) RETURN s {.sha256, .path} AS x } AS sources
