// The evidence subgraph of a flag: its subjects and evidence nodes, and the relationships among them.
UNWIND $refs AS ref
CALL (ref) {
  MATCH (n:Party {uid: ref.key}) WHERE ref.label IN ['Party', '*'] RETURN n
  UNION
  MATCH (n:Case {case_no: ref.key}) WHERE ref.label = 'Case' RETURN n
  UNION
  MATCH (n:Trademark {reg_no: ref.key}) WHERE ref.label = 'Trademark' RETURN n
  UNION
  MATCH (n:Patent {number: ref.key}) WHERE ref.label = 'Patent' RETURN n
  UNION
  MATCH (n:Penalty {decision_no: ref.key}) WHERE ref.label = 'Penalty' RETURN n
  UNION
  MATCH (n:Address {value: ref.key}) WHERE ref.label = '*' RETURN n
  UNION
  MATCH (n:Phone {value: ref.key}) WHERE ref.label = '*' RETURN n
  UNION
  MATCH (n:Email {value: ref.key}) WHERE ref.label = '*' RETURN n
}
WITH collect(DISTINCT n)[..$cap] AS ns
RETURN [n IN ns | {eid: elementId(n), labels: labels(n),
          node: n {.uid, .name, .kind, .uscc, .generic, .case_no, .court, .decided_on, .reg_no, .mark, .number,
                   .title, .decision_no, .authority, .value},
          risk: [], personal: n:Address AND EXISTS { (n)<-[:LOCATED_AT]-(:Party {kind: 'person'}) }}] AS nodes,
       COLLECT { UNWIND ns AS a MATCH (a)-[r]->(b) WHERE b IN ns AND NOT type(r) IN ['FROM_SOURCE', 'IN_SOURCE', 'REFERS_TO', 'FLAGS']
                 RETURN {rid: elementId(r), type: type(r), start: elementId(a), end: elementId(b),
                         props: properties(r)} AS e LIMIT 500 } AS edges
