// Shortest paths between two parties, never through provenance, flags or generic identifiers; one
// round trip: whether each party exists, the paths, and the path of every source document cited.
OPTIONAL MATCH (a:Party {uid: $a})
OPTIONAL MATCH (b:Party {uid: $b})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[*..4]-(b))
  WHERE all(n IN nodes(p) WHERE NOT (n:Mention OR n:Source OR n:Flag OR n:SchemaMeta OR n:Audit)
                            AND coalesce(n.generic, false) = false)
    AND all(r IN relationships(p) WHERE NOT type(r) IN ['FROM_SOURCE', 'IN_SOURCE', 'REFERS_TO', 'FLAGS'])
  WITH p WHERE length(p) <= $max_hops
  WITH p LIMIT $limit
  RETURN collect({
    nodes: [n IN nodes(p) | {
              eid: elementId(n), labels: labels(n),
              node: n {.uid, .name, .kind, .uscc, .generic, .case_no, .court, .decided_on, .reg_no, .mark, .number,
                       .title, .decision_no, .authority, .value},
              risk: [], personal: n:Address AND EXISTS { (n)<-[:LOCATED_AT]-(:Party {kind: 'person'}) }}],
    hops: [r IN relationships(p) | {rid: elementId(r), type: type(r), start: elementId(startNode(r)),
                                    end: elementId(endNode(r)), props: properties(r)}],
    shas: reduce(acc = [], r IN relationships(p) | acc + coalesce(r.sources, []))
  }) AS paths
}
RETURN a IS NOT NULL AS a_found, b IS NOT NULL AS b_found,
       [x IN paths | x {.nodes, .hops}] AS paths,
       COLLECT { UNWIND paths AS x UNWIND x.shas AS sha
                 WITH DISTINCT sha
                 MATCH (s:Source {sha256: sha})
                 RETURN {sha256: sha, path: s.path} } AS sources
