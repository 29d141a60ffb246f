// Every relationship with its type, the unique keys of its end nodes and its properties.
MATCH (a)-[r]->(b)
RETURN type(r) AS type,
       coalesce(a.uid, a.id, a.sha256, a.case_no, a.reg_no, a.number, a.decision_no, a.value) AS start,
       coalesce(b.uid, b.id, b.sha256, b.case_no, b.reg_no, b.number, b.decision_no, b.value) AS end,
       properties(r) AS props
