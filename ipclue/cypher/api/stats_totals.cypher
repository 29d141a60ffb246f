// Node totals for the dashboard (count store lookups).
CALL () { MATCH (n:Party) RETURN count(n) AS parties }
CALL () { MATCH (n:Case) RETURN count(n) AS cases }
CALL () { MATCH (n:Trademark) RETURN count(n) AS trademarks }
CALL () { MATCH (n:Patent) RETURN count(n) AS patents }
CALL () { MATCH (n:Copyright) RETURN count(n) AS copyrights }
CALL () { MATCH (n:Penalty) RETURN count(n) AS penalties }
CALL () { MATCH (n:Source) RETURN count(n) AS sources }
CALL () { MATCH (n:Flag) RETURN count(n) AS flags }
RETURN parties, cases, trademarks, patents, copyrights, penalties, sources, flags
