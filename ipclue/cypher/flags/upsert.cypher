// Create or update flags by id (derived from the fingerprint); a rerun keeps status and reviews.
// `rank` is the list order as one indexed string (score descending, then id), unique, so a page is an
// index range read that stops after its last flag; schema/migrate.cypher computes it the same way.
UNWIND $flags AS f
MERGE (x:Flag {id: f.id})
ON CREATE SET x.created_at = datetime(), x.status = 'new', x.fingerprint = f.fingerprint
SET x.detector = f.detector, x.detector_version = f.detector_version, x.family = f.family,
    x.severity = f.severity, x.score = f.score, x.reason = f.reason, x.evidence = f.evidence,
    x.subjects = f.subjects, x.subject_keys = f.subject_keys, x.params = f.params,
    x.title = f.title, x.legal_basis = f.legal_basis, x.updated_at = datetime(), x.run_id = f.run_id,
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
