// Store blocking keys (variant, pinyin) on organisation mentions.
UNWIND $rows AS row
MATCH (m:Mention {id: row.id})
SET m.block_variant = row.variant, m.block_pinyin = row.pinyin
