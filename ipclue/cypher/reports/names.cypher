// Display names of parties by uid (evidence cells show names, not uids).
MATCH (p:Party) WHERE p.uid IN $uids
RETURN p.uid AS uid, p.name AS name, p.kind AS kind
