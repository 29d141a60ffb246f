// Resolved parties, aggregated by uid in Python; names accumulate as aliases.
UNWIND $rows AS row
MERGE (p:Party {uid: row.uid})
ON CREATE SET p.kind = row.kind, p.name = row.name, p.name_key = row.name_key, p.anonymised = row.anonymised
SET p.uscc = coalesce(p.uscc, row.uscc),
    p.aliases = reduce(acc = coalesce(p.aliases, []), x IN row.names | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    p.sources = reduce(acc = coalesce(p.sources, []), x IN row.srcs | CASE WHEN x IN acc THEN acc ELSE acc + x END)
SET p.aliases_text = reduce(t = '', x IN p.aliases | t + ' ' + x)
