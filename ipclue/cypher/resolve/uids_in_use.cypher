// Which of these party uids exist already (a new party must not reuse one).
UNWIND $uids AS uid
MATCH (p:Party {uid: uid})
RETURN p.uid AS uid
