// Unique keys and lookup indexes of the ipclue graph. Every statement is idempotent.
// Bump SCHEMA_VERSION in ipclue/graph/schema.py when this file changes.
CREATE CONSTRAINT source_sha256 IF NOT EXISTS FOR (n:Source) REQUIRE n.sha256 IS UNIQUE;
CREATE CONSTRAINT party_uid IF NOT EXISTS FOR (n:Party) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (n:Mention) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_no IF NOT EXISTS FOR (n:Case) REQUIRE n.case_no IS UNIQUE;
CREATE CONSTRAINT trademark_reg_no IF NOT EXISTS FOR (n:Trademark) REQUIRE n.reg_no IS UNIQUE;
CREATE CONSTRAINT patent_number IF NOT EXISTS FOR (n:Patent) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT copyright_reg_no IF NOT EXISTS FOR (n:Copyright) REQUIRE n.reg_no IS UNIQUE;
CREATE CONSTRAINT penalty_decision_no IF NOT EXISTS FOR (n:Penalty) REQUIRE n.decision_no IS UNIQUE;
CREATE CONSTRAINT address_value IF NOT EXISTS FOR (n:Address) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT phone_value IF NOT EXISTS FOR (n:Phone) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT email_value IF NOT EXISTS FOR (n:Email) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT flag_id IF NOT EXISTS FOR (n:Flag) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (n:Judgement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT schema_meta IF NOT EXISTS FOR (n:SchemaMeta) REQUIRE n.name IS UNIQUE;
CREATE INDEX party_uscc IF NOT EXISTS FOR (n:Party) ON (n.uscc);
CREATE INDEX party_name_key IF NOT EXISTS FOR (n:Party) ON (n.name_key);
CREATE INDEX mention_name_key IF NOT EXISTS FOR (n:Mention) ON (n.name_key);
CREATE INDEX case_decided_on IF NOT EXISTS FOR (n:Case) ON (n.decided_on);
CREATE INDEX penalty_decided_on IF NOT EXISTS FOR (n:Penalty) ON (n.decided_on);
CREATE INDEX trademark_mark IF NOT EXISTS FOR (n:Trademark) ON (n.mark);
CREATE INDEX flag_detector IF NOT EXISTS FOR (n:Flag) ON (n.detector);
CREATE INDEX flag_fingerprint IF NOT EXISTS FOR (n:Flag) ON (n.fingerprint);
CREATE INDEX flag_status IF NOT EXISTS FOR (n:Flag) ON (n.status);
CREATE INDEX flag_rank IF NOT EXISTS FOR (n:Flag) ON (n.rank);
CREATE INDEX flag_severity_rank IF NOT EXISTS FOR (n:Flag) ON (n.severity, n.rank);
CREATE INDEX mention_block_variant IF NOT EXISTS FOR (n:Mention) ON (n.block_variant);
CREATE INDEX mention_block_pinyin IF NOT EXISTS FOR (n:Mention) ON (n.block_pinyin);
CREATE INDEX judgement_kind IF NOT EXISTS FOR (n:Judgement) ON (n.kind);
// Added in version 7: a case's representations, looked up by its number (resolve/group_suits,
// derive/linked_same_agent*, api/case, linked-opponents, false-litigation-ring), instead of by
// expanding every edge of a party with many cases.
CREATE INDEX represented_by_case IF NOT EXISTS FOR ()-[r:REPRESENTED_BY]-() ON (r.case_no);
CREATE FULLTEXT INDEX party_names IF NOT EXISTS FOR (n:Party) ON EACH [n.name, n.aliases_text, n.uscc]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
// Dropped in version 3: no query looks these up, and every write paid for them.
DROP INDEX party_kind IF EXISTS;
DROP INDEX mention_source IF EXISTS;
