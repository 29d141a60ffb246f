// Paths of the sources (by sha256) that evidence refers to.
MATCH (s:Source) WHERE s.sha256 IN $shas
RETURN s.sha256 AS sha256, s.path AS path
