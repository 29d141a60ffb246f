// Which of these flag ids already exist (to count created vs updated).
MATCH (x:Flag) WHERE x.id IN $ids
RETURN x.id AS id
