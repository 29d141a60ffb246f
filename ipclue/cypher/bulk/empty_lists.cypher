// After a bulk import: the empty list properties the importer cannot write (an empty field is no
// property), set as the loader's `SET n += row.props` sets them.
UNWIND $rows AS row
CALL (row) {
  MATCH (n:Case {case_no: row.key}) WHERE row.label = 'Case' RETURN n
  UNION
  MATCH (n:Trademark {reg_no: row.key}) WHERE row.label = 'Trademark' RETURN n
  UNION
  MATCH (n:Patent {number: row.key}) WHERE row.label = 'Patent' RETURN n
  UNION
  MATCH (n:Copyright {reg_no: row.key}) WHERE row.label = 'Copyright' RETURN n
  UNION
  MATCH (n:Penalty {decision_no: row.key}) WHERE row.label = 'Penalty' RETURN n
  UNION
  MATCH (n:Mention {id: row.key}) WHERE row.label = 'Mention' RETURN n
  UNION
  MATCH (n:Party {uid: row.key}) WHERE row.label = 'Party' RETURN n
}
SET n += row.props
