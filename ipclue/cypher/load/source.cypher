// One node per input file or record file, keyed by the sha256 of its bytes.
UNWIND $rows AS row
MERGE (s:Source {sha256: row.sha256})
ON CREATE SET s.path = row.path, s.kind = row.kind, s.ingested_at = datetime()
