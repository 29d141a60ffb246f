// One level of a neighbourhood: for each frontier node at most $cap neighbours, and how many there are.
// Provenance nodes (Mention, Source), flags and the schema marker are never part of the picture.
UNWIND $frontier AS eid
MATCH (n) WHERE elementId(n) = eid
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE NOT (m:Mention OR m:Source OR m:Flag OR m:SchemaMeta OR m:Audit)
    AND NOT type(r) IN ['FROM_SOURCE', 'IN_SOURCE', 'REFERS_TO', 'FLAGS']
    AND (size($types) = 0 OR type(r) IN $types)
    AND ($since IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) >= $since)
    AND ($until IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) <= $until)
  WITH r, m LIMIT $cap
  RETURN collect({
    rid: elementId(r), type: type(r), outgoing: startNode(r) = n, props: properties(r),
    eid: elementId(m), labels: labels(m),
    node: m {.uid, .name, .kind, .uscc, .generic, .case_no, .court, .decided_on, .reg_no, .mark, .number,
             .title, .decision_no, .authority, .value},
    risk: CASE WHEN m:Party THEN COLLECT { MATCH (m)<-[:FLAGS]-(f:Flag) WHERE coalesce(f.status, 'new') <> 'dismissed' RETURN f.severity } ELSE [] END,
    personal: m:Address AND EXISTS { (m)<-[:LOCATED_AT]-(:Party {kind: 'person'}) }
  }) AS hits
}
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE NOT (m:Mention OR m:Source OR m:Flag OR m:SchemaMeta OR m:Audit)
    AND NOT type(r) IN ['FROM_SOURCE', 'IN_SOURCE', 'REFERS_TO', 'FLAGS']
    AND (size($types) = 0 OR type(r) IN $types)
    AND ($since IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) >= $since)
    AND ($until IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) <= $until)
  RETURN count(*) AS total
}
RETURN eid, total, hits
