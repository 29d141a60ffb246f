// Source documents by sha256 (the evidence behind relationships).
MATCH (s:Source) WHERE s.sha256 IN $shas
RETURN s.sha256 AS sha256, s.path AS path
