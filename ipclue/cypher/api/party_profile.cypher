// Everything the profile page shows about one party; every list capped at $cap.
MATCH (p:Party {uid: $uid})
RETURN p {.uid, .name, .kind, .uscc, .anonymised, aliases: coalesce(p.aliases, [])} AS party,
  COLLECT { MATCH (p)-[:LOCATED_AT]->(x:Address) RETURN x.value AS v LIMIT $cap } AS addresses,
  COLLECT { MATCH (p)-[:HAS_PHONE]->(x:Phone) RETURN x.value AS v LIMIT $cap } AS phones,
  COLLECT { MATCH (p)-[:HAS_EMAIL]->(x:Email) RETURN x.value AS v LIMIT $cap } AS emails,
  COLLECT { MATCH (m:Mention)-[r:REFERS_TO]->(p)
            OPTIONAL MATCH (m)-[:IN_SOURCE]->(s:Source)
            RETURN m {.id, .name, .kind, .context, .role, .span_start, .span_end, .birth_date, .id_fragment,
                      .address, .organization, rule: r.rule, score: r.score, evidence: r.evidence,
                      sha256: s.sha256, path: s.path} AS m
            LIMIT $cap } AS mentions,
  COLLECT { MATCH (p)-[r:PARTY_TO]->(c:Case)
            RETURN {case_no: c.case_no, role: r.role, role_text: r.role_text, court: c.court,
                    decided_on: c.decided_on, outcome: c.outcome, instance: c.instance, cause: c.cause} AS c
            ORDER BY c.decided_on DESC LIMIT $cap } AS cases,
  COLLECT { MATCH (p)-[r:APPLIED_FOR|OWNS|ASSIGNED|FILED_VIA]->(t:Trademark)
            WITH t, collect(DISTINCT type(r)) AS rels
            RETURN t {.reg_no, .mark, .classes, .status, .filed_on, .registered_on, relations: rels} AS t
            LIMIT $cap } AS trademarks,
  COLLECT { MATCH (p)-[r:APPLIED_FOR|INVENTOR_OF|FILED_VIA]->(t:Patent)
            WITH t, collect(DISTINCT type(r)) AS rels
            RETURN t {.number, .title, .kind, .status, .filed_on, relations: rels} AS t
            LIMIT $cap } AS patents,
  COLLECT { MATCH (p)-[r:OWNS]->(t:Copyright)
            RETURN t {.reg_no, .kind, .title, .category, .version, .registered_on, relations: [type(r)]} AS t
            ORDER BY t.registered_on DESC LIMIT $cap } AS copyrights,
  COLLECT { MATCH (p)-[:PENALISED_IN]->(x:Penalty)
            RETURN x {.decision_no, .authority, .decided_on, .violation, .fine, .illegal_revenue,
                      .transferred_to_police} AS x
            ORDER BY x.decided_on DESC LIMIT $cap } AS penalties,
  COLLECT { MATCH (f:Flag)-[:FLAGS]->(p)
            RETURN f {.id, .detector, .family, .severity, .score, .status, .reason,
                      created_at: toString(f.created_at), updated_at: toString(f.updated_at)} AS f
            ORDER BY f.score DESC LIMIT $cap } AS flags
