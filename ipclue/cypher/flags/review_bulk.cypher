// Record one review per row (flags/review for many flags at once): status, note, and a (:Review) node.
UNWIND $rows AS row
MATCH (x:Flag {id: row.id})
SET x.status = row.status, x.updated_at = datetime()
CREATE (x)-[:REVIEWED]->(:Review {at: datetime(), by: row.by, status: row.status, note: row.note})
RETURN count(*) AS reviewed
