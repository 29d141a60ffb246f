// Shortest paths between two parties, never through provenance, flags or generic identifiers.
MATCH (a:Party {uid: $a}), (b:Party {uid: $b})
MATCH p = allShortestPaths((a)-[*..4]-(b))
WHERE all(n IN nodes(p) WHERE NOT (n:Mention OR n:Source OR n:Flag OR n:SchemaMeta OR n:Audit)
                          AND coalesce(n.generic, false) = false)
  AND all(r IN relationships(p) WHERE NOT type(r) IN ['FROM_SOURCE', 'IN_SOURCE', 'REFERS_TO', 'FLAGS'])
WITH p WHERE length(p) <= $max_hops
WITH p LIMIT $limit
RETURN [n IN nodes(p) | {
          eid: elementId(n), labels: labels(n),
          node: n {.uid, .name, .kind, .uscc, .generic, .case_no, .court, .decided_on, .reg_no, .mark, .number,
                   .title, .decision_no, .authority, .value},
          risk: [], personal: n:Address AND EXISTS { (n)<-[:LOCATED_AT]-(:Party {kind: 'person'}) }}] AS nodes,
       [r IN relationships(p) | {rid: elementId(r), type: type(r), start: elementId(startNode(r)),
                                 end: elementId(endNode(r)), props: properties(r)}] AS hops
