// Degree histogram of one identifier label: how many identifiers are shared by d parties.
MATCH (n:$($label))
WITH COUNT { (n)<-[]-(:Party) } AS degree
RETURN degree, count(*) AS n
