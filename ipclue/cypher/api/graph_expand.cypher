// One level of a neighbourhood: for each frontier node at most $cap neighbours, and how many there are.
// Provenance nodes (Mention, Source), flags and the schema marker are never part of the picture.
// Neighbours in $seen are drawn already: they come back without their projection, risk or personal flag.
// The label and `seen` tests sit inside the subqueries so that the planner checks them before expanding.
// Relationship props come without their `sources` list (only its size, n_sources, is shown), and dates
// and times come as ISO strings (the driver's temporal types cost more in Python than the rest); the total
// is counted only when the cap was reached, since below it the hits are all there is. One row holding
// the level (in frontier order): each streamed record costs the driver more than its fields.
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
  WITH r, m, elementId(m) AS mid
  WITH r, m, mid, mid IN $seen AS seen
  RETURN collect({
    rid: elementId(r), type: type(r), outgoing: startNode(r) = n, props: r {.*, sources: null, on: toString(r.on), computed_at: toString(r.computed_at)},
    n_sources: size(coalesce(r.sources, [])), eid: mid,
    labels: CASE WHEN seen THEN null ELSE labels(m) END,
    node: CASE WHEN seen THEN null
               ELSE m {.uid, .name, .kind, .uscc, .generic, .case_no, .court, decided_on: toString(m.decided_on), .reg_no, .mark, .number,
                       .title, .decision_no, .authority, .value} END,
    risk: COLLECT { MATCH (m:Party)<-[:FLAGS]-(f:Flag) WHERE NOT seen AND coalesce(f.status, 'new') <> 'dismissed'
                    RETURN f.severity },
    personal: EXISTS { MATCH (m:Address)<-[:LOCATED_AT]-(:Party {kind: 'person'}) WHERE NOT seen }
  }) AS hits
}
CALL (n, hits) {
  WITH n, hits WHERE size(hits) >= $cap
  MATCH (n)-[r]-(m)
  WHERE NOT (m:Mention OR m:Source OR m:Flag OR m:SchemaMeta OR m:Audit)
    AND NOT type(r) IN ['FROM_SOURCE', 'IN_SOURCE', 'REFERS_TO', 'FLAGS']
    AND (size($types) = 0 OR type(r) IN $types)
    AND ($since IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) >= $since)
    AND ($until IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) IS NULL OR coalesce(r.on, m.decided_on, m.filed_on) <= $until)
  RETURN count(*) AS counted
}
WITH eid, CASE WHEN size(hits) < $cap THEN size(hits) ELSE counted END AS total, hits
RETURN collect({eid: eid, total: total, hits: hits}) AS rows
