// Which of these address values are flagged generic (not evidence of identity).
UNWIND $values AS v
MATCH (a:Address {value: v}) WHERE a.generic = true
RETURN a.value AS value
