// A party's control relations (法定代表人 / 股东 / 高管, both ways) and its ownership chains (股权穿透): the
// shareholders above it and the companies below it, up to three SHAREHOLDER_OF levels; lists capped at $cap.
MATCH (p:Party {uid: $uid})
RETURN p {.uid, .name, .kind, .uscc} AS party,
  COLLECT { MATCH (x:Party)-[r:LEGAL_REP_OF]->(p)
            RETURN {uid: x.uid, name: x.name, kind: x.kind, title: r.title} AS x LIMIT $cap } AS legal_reps,
  COLLECT { MATCH (x:Party)-[r:SHAREHOLDER_OF]->(p)
            RETURN {uid: x.uid, name: x.name, kind: x.kind, pct: r.pct} AS x ORDER BY x.pct DESC LIMIT $cap } AS shareholders,
  COLLECT { MATCH (x:Party)-[r:OFFICER_OF]->(p)
            RETURN {uid: x.uid, name: x.name, kind: x.kind, title: r.title} AS x LIMIT $cap } AS officers,
  COLLECT { MATCH (p)-[r:LEGAL_REP_OF]->(x:Party)
            RETURN {uid: x.uid, name: x.name, kind: x.kind, title: r.title} AS x LIMIT $cap } AS represents,
  COLLECT { MATCH (p)-[r:SHAREHOLDER_OF]->(x:Party)
            RETURN {uid: x.uid, name: x.name, kind: x.kind, pct: r.pct} AS x ORDER BY x.pct DESC LIMIT $cap } AS holdings,
  COLLECT { MATCH (p)-[r:OFFICER_OF]->(x:Party)
            RETURN {uid: x.uid, name: x.name, kind: x.kind, title: r.title} AS x LIMIT $cap } AS positions,
  COLLECT { MATCH chain = (x:Party)-[:SHAREHOLDER_OF*1..3]->(p)
            RETURN {nodes: [n IN reverse(nodes(chain)) | {uid: n.uid, name: n.name, kind: n.kind}],
                    pcts: [r IN reverse(relationships(chain)) | r.pct]} AS x LIMIT $cap } AS up,
  COLLECT { MATCH chain = (p)-[:SHAREHOLDER_OF*1..3]->(x:Party)
            RETURN {nodes: [n IN nodes(chain) | {uid: n.uid, name: n.name, kind: n.kind}],
                    pcts: [r IN relationships(chain) | r.pct]} AS x LIMIT $cap } AS down
