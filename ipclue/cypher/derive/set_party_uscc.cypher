// Give organisation parties the valid USCC one of their mentions carries.
UNWIND $rows AS row
MATCH (p:Party {uid: row.uid})
SET p.uscc = row.uscc
