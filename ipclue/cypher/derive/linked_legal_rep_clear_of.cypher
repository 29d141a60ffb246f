// Remove the legal_rep links at the organisations of representatives $reps that go through one of
// them or through a party that no longer exists (merged away).
UNWIND $reps AS u
MATCH (:Party {uid: u})-[:LEGAL_REP_OF]->(:Party)-[l:LINKED {via: 'legal_rep'}]-(:Party)
WHERE l.through IN $reps OR NOT EXISTS { MATCH (g:Party {uid: l.through}) }
WITH DISTINCT l
DELETE l
RETURN count(*) AS removed
