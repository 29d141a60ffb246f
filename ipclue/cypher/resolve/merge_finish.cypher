// Per row, after a merge: row.a inherits row.b's code and history, then row.b (now bare) is deleted.
// Rows run in order, each seeing the writes of the rows before it.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Party {uid: row.a}), (b:Party {uid: row.b})
  SET a.uscc = coalesce(a.uscc, b.uscc),
      a.merged_from = coalesce(a.merged_from, []) + [row.b] + coalesce(b.merged_from, [])
  DETACH DELETE b
  RETURN a.uid AS uid
}
RETURN collect(uid) AS uids
