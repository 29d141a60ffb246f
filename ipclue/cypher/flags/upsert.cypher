// Create or update flags by id (derived from the fingerprint); a rerun keeps status and reviews.
// `rank` is the list order as one indexed string (score descending, then id), unique, so a page is an
// index range read that stops after its last flag; schema/migrate.cypher computes it the same way.
// `updated_at` moves only when what the flag says changes (or on a review: flags/review), so a consumer
// polling with `since` (which reads `updated_at`) sees changed flags, not every flag after each rerun.
UNWIND $flags AS f
MERGE (x:Flag {id: f.id})
ON CREATE SET x.created_at = datetime(), x.status = 'new', x.fingerprint = f.fingerprint
WITH x, f, (x.reason IS NULL OR x.reason <> f.reason OR x.score <> f.score OR x.evidence <> f.evidence
            OR x.detector_version <> f.detector_version OR x.subjects <> f.subjects) AS changed
SET x.updated_at = CASE WHEN changed OR x.updated_at IS NULL THEN datetime() ELSE x.updated_at END
SET x.detector = f.detector, x.detector_version = f.detector_version, x.family = f.family,
    x.severity = f.severity, x.score = f.score, x.reason = f.reason, x.reason_en = f.reason_en, x.facts = f.facts, x.evidence = f.evidence,
    x.subjects = f.subjects, x.subject_keys = f.subject_keys, x.params = f.params,
    x.title = f.title, x.legal_basis = f.legal_basis, x.run_id = f.run_id, x.records = f.records,
    x.dependencies = f.dependencies, x.depends_on = f.depends_on, x.stale = false, x.stale_since = null,
    x.rank = right('0000000' + toString(1000000 - toInteger(round(f.score * 1000000))), 7) + ' ' + f.id
WITH x, f
UNWIND f.subject_list AS s
CALL (s) {
  MATCH (n:Party {uid: s.key}) WHERE s.label = 'Party' RETURN n
  UNION
  MATCH (n:Case {case_no: s.key}) WHERE s.label = 'Case' RETURN n
  UNION
  MATCH (n:Trademark {reg_no: s.key}) WHERE s.label = 'Trademark' RETURN n
  UNION
  MATCH (n:Patent {number: s.key}) WHERE s.label = 'Patent' RETURN n
  UNION
  MATCH (n:Penalty {decision_no: s.key}) WHERE s.label = 'Penalty' RETURN n
}
MERGE (x)-[:FLAGS]->(n)
RETURN count(*) AS links
