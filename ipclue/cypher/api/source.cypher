// One source document, the mentions found in it (with offsets) and the section offsets of its records.
MATCH (s:Source {sha256: $sha})
RETURN s {.sha256, .path, .kind, ingested_at: toString(s.ingested_at)} AS source,
  COLLECT { MATCH (m:Mention)-[:IN_SOURCE]->(s) WHERE m.span_start IS NOT NULL
            RETURN {start: m.span_start, end: m.span_end, label: coalesce(m.role, m.context), mention_id: m.id} AS x
            LIMIT $cap } AS spans,
  COLLECT { MATCH (x)-[:FROM_SOURCE]->(s) WHERE x.sections IS NOT NULL RETURN x.sections AS x LIMIT $cap } AS sections
