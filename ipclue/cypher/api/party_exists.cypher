MATCH (p:Party) WHERE p.uid IN $uids
RETURN p.uid AS uid, p.kind AS kind
