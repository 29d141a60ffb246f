// The shortest paths between two parties through real records only: never through provenance, flags,
// generic identifiers, or derived LINKED edges (a path shows the case, the phone, the address or the person
// that links them, not a summary edge). SHORTEST 20 (a literal: Cypher takes no parameter there) walks of
// at most 4 hops, cut to $max_hops; the API folds parallel relationships (one person both legal
// representative and shareholder) into one hop and keeps $limit distinct node chains. One round trip:
// whether each party exists, the paths, and the path of every source document cited.
OPTIONAL MATCH (a:Party {uid: $a})
OPTIONAL MATCH (b:Party {uid: $b})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = SHORTEST 20 (a) (()-[r WHERE NOT type(r) IN ['FROM_SOURCE', 'IN_SOURCE', 'REFERS_TO', 'FLAGS', 'LINKED']]-
                              (m WHERE NOT (m:Mention OR m:Source OR m:Flag OR m:SchemaMeta OR m:Audit OR m:Review
                                            OR m:Comment) AND coalesce(m.generic, false) = false)){1,4} (b)
  WITH p WHERE length(p) <= $max_hops
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
