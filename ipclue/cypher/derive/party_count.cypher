// How many parties the graph holds (from the count store).
MATCH (p:Party) RETURN count(p) AS n
