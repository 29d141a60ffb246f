// A defendant's findings in a criminal case (charge, 有期徒刑 / 拘役 / 缓刑 months, 罚金, mitigation) on its PARTY_TO edge.
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})-[r:PARTY_TO {role: row.role}]->(c:Case {case_no: row.key})
SET r += row.props
