// One level of a neighbourhood: for each frontier node at most $cap neighbours, and how many there are.
// The first level starts from the party $uid (and returns its own projection as `centre`); later levels
// start from the element ids in $frontier. Provenance nodes (Mention, Source), flags and the schema marker
// are never part of the picture. Neighbours in $seen are drawn already: they come back without a projection.
// The label and `seen` tests sit inside the subqueries so that the planner checks them before expanding.
// Everything comes back as positional lists, not maps (the driver decodes every map key of every hit):
//   row = [eid, total, hits, centre];  hit = [rid, type, outgoing, props, n_sources, eid, node or null];
//   node = [label, key, name (the key when empty), kind, generic, risk severities, personal]
//   ($keys/$names: label -> property).
// Relationship props come without their `sources` list (only its size), with dates and times as ISO
// strings; the total is counted only when the cap was reached, since below it the hits are all there is.
CALL () {
  MATCH (n:Party {uid: $uid}) RETURN n, elementId(n) AS eid
  UNION ALL
  UNWIND $frontier AS eid MATCH (n) WHERE elementId(n) = eid RETURN n, eid
}
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
  WITH r, m, mid, seen, CASE WHEN seen THEN null ELSE coalesce(head([l IN labels(m) WHERE l IN keys($keys)]), head(labels(m)), 'Node') END AS label
  WITH r, m, mid, seen, label, m[coalesce($keys[label], '')] AS key, m[coalesce($names[label], 'value')] AS name
  RETURN collect([
    elementId(r), type(r), startNode(r) = n, r {.*, sources: null, on: toString(r.on), computed_at: toString(r.computed_at)},
    size(coalesce(r.sources, [])), mid,
    CASE WHEN seen THEN null ELSE [
      label, key, CASE coalesce(name, '') WHEN '' THEN key ELSE name END, m.kind, coalesce(m.generic, false),
      COLLECT { MATCH (m:Party)<-[:FLAGS]-(f:Flag) WHERE coalesce(f.status, 'new') <> 'dismissed' RETURN f.severity },
      EXISTS { MATCH (m:Address)<-[:LOCATED_AT]-(:Party {kind: 'person'}) }
    ] END
  ]) AS hits
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
WITH n, eid, CASE WHEN size(hits) < $cap THEN size(hits) ELSE counted END AS total, hits
RETURN collect([eid, total, hits, CASE WHEN $uid IS NULL THEN null ELSE [
  'Party', n.uid, CASE coalesce(n.name, '') WHEN '' THEN n.uid ELSE n.name END, n.kind, coalesce(n.generic, false),
  COLLECT { MATCH (n)<-[:FLAGS]-(f:Flag) WHERE coalesce(f.status, 'new') <> 'dismissed' RETURN f.severity }, false
] END]) AS rows
