// Party search: exact USCC, exact name keys (with suffix variants), then the CJK full-text index.
CALL () {
  MATCH (p:Party) WHERE $uscc IS NOT NULL AND p.uscc = $uscc RETURN p, 100.0 AS score
  UNION ALL
  MATCH (p:Party) WHERE p.name_key IN $keys RETURN p, 50.0 AS score
  UNION ALL
  UNWIND CASE WHEN $lucene = '' THEN [] ELSE [$lucene] END AS lq
  CALL db.index.fulltext.queryNodes('party_names', lq, {limit: $limit}) YIELD node, score
  RETURN node AS p, score
}
WITH p, max(score) AS score
ORDER BY score DESC, p.name
LIMIT $limit
RETURN p.uid AS uid, p.name AS name, p.kind AS kind, p.uscc AS uscc, coalesce(p.aliases, []) AS aliases,
       score, COUNT { (p)<-[:FLAGS]-(f:Flag) WHERE coalesce(f.status, 'new') <> 'dismissed' } AS flags
