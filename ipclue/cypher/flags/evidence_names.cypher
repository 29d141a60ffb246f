// What a flag's evidence names by key, for its display form: a party's name, a case's instance, a mark's text.
UNWIND $keys AS key
OPTIONAL MATCH (p:Party {uid: key})
OPTIONAL MATCH (c:Case {case_no: key})
OPTIONAL MATCH (t:Trademark {reg_no: key})
WITH key, p, c, t WHERE p IS NOT NULL OR c IS NOT NULL OR t IS NOT NULL
RETURN key, p.name AS name, p.kind AS kind, c.instance AS instance, t.mark AS mark
