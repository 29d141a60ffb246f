// One flag with its reviews, oldest first.
MATCH (x:Flag {id: $id})
OPTIONAL MATCH (x)-[:REVIEWED]->(r:Review)
WITH x, r ORDER BY r.at
RETURN x {.*} AS flag, [v IN collect(r) | v {.*}] AS reviews
