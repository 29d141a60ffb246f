// Flag counts by detector, status and month: the month of the latest decision among the cases and penalties
// a flag rests on (`records`, stored with it), or of its creation when it rests on none (or predates them).
MATCH (f:Flag)
CALL (f) {
  UNWIND coalesce(f.records, []) AS k
  OPTIONAL MATCH (c:Case {case_no: k})
  OPTIONAL MATCH (p:Penalty {decision_no: k})
  RETURN max(coalesce(c.decided_on, p.decided_on)) AS decided
}
WITH f.detector AS detector, coalesce(f.status, 'new') AS status,
     substring(toString(coalesce(decided, f.created_at)), 0, 7) AS month, count(*) AS n
RETURN detector, status, month, n
