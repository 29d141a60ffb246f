// After a bulk import: the empty list properties of Mention nodes, which the importer cannot write (an
// empty field is no property), set as the loader's `SET n += row.props` sets them (one index seek a row).
UNWIND $rows AS row
MATCH (n:Mention {id: row.key})
SET n += row.props
