// Delete every node and relationship (tests and `ipclue graph reset`), in batches.
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
