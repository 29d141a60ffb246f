// Lookup indexes for resolution's blocking keys (idempotent). Candidates for the schema file.
CREATE INDEX mention_block_variant IF NOT EXISTS FOR (n:Mention) ON (n.block_variant);
CREATE INDEX mention_block_pinyin IF NOT EXISTS FOR (n:Mention) ON (n.block_pinyin);
CREATE INDEX judgement_kind IF NOT EXISTS FOR (n:Judgement) ON (n.kind);
CALL db.awaitIndexes(300);
