// Fast path for parties not yet in the graph (the loader checked): CREATE instead of MERGE.
UNWIND $rows AS row
CREATE (p:Party {uid: row.uid})
SET p.kind = row.kind, p.name = row.name, p.name_key = row.name_key, p.anonymised = row.anonymised,
    p.uscc = row.uscc, p.aliases = row.names, p.sources = row.srcs,
    p.aliases_text = reduce(t = '', x IN row.names | t + ' ' + x)
