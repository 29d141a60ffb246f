// Per detector: flags confirmed (or referred on) and dismissed by reviewers.
MATCH (x:Flag)
RETURN x.detector AS detector,
       sum(CASE WHEN x.status IN ['confirmed', 'referred'] THEN 1 ELSE 0 END) AS confirmed,
       sum(CASE WHEN x.status = 'dismissed' THEN 1 ELSE 0 END) AS dismissed
