// One patent with its applicants, inventors, agency, and the cases and penalties about it.
MATCH (t:Patent {number: $key})
RETURN t {.*, sources: null} AS record,
  COLLECT { MATCH (p:Party)-[r:APPLIED_FOR|INVENTOR_OF|FILED_VIA]->(t)
            RETURN {uid: p.uid, name: p.name, kind: p.kind, relation: type(r), on: r.on} AS x LIMIT $cap } AS parties,
  COLLECT { MATCH (x)-[:CONCERNS]->(t) WHERE x:Case OR x:Penalty
            RETURN {label: labels(x)[0], key: coalesce(x.case_no, x.decision_no), decided_on: x.decided_on} AS x
            LIMIT $cap } AS concerned_by,
  COLLECT { MATCH (t)-[:FROM_SOURCE]->(s:Source) RETURN s {.sha256, .path} AS x } AS sources
