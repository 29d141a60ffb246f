// Possible matches are recomputed in full on each derive: remove the previous ones.
MATCH (:Party)-[r:POSSIBLY_SAME]->(:Party)
DELETE r
RETURN count(r) AS removed
