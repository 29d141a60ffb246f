// Flag identifiers of one label shared by more than $cutoff parties as generic (others false).
MATCH (n:$($label))
WITH n, COUNT { (n)<-[]-(:Party) } AS degree
SET n.degree = degree, n.generic = degree > $cutoff
RETURN count(CASE WHEN n.generic THEN 1 END) AS generic
