// Flag counts by detector, status and month of creation.
MATCH (f:Flag)
WITH f.detector AS detector, coalesce(f.status, 'new') AS status,
     substring(toString(f.created_at), 0, 7) AS month, count(*) AS n
RETURN detector, status, month, n
