// Delete every relationship, then every node (tests and `ipclue graph reset`), in batches. Relationships
// go first: one node can hold 100k+ of them (a registry file's Source), too many for one transaction; the
// nodes are then detached as well, so a write that raced the first step cannot fail the reset.
MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS;
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS;
