// Region hints of flagged subjects: USCC characters 3–4 (province code), else the case number's
// province abbreviation (the character after the year), for parties through their cases.
MATCH (f:Flag)-[:FLAGS]->(s)
WITH f, collect(s) AS subjects
WITH f, [x IN subjects WHERE x:Party AND x.uscc IS NOT NULL | substring(x.uscc, 2, 2)] AS codes,
     [x IN subjects WHERE x:Case | x.case_no] AS cases, subjects
WITH f, codes, cases + COLLECT { UNWIND subjects AS x MATCH (x:Party)-[:PARTY_TO]->(c:Case) RETURN c.case_no LIMIT 5 } AS case_nos
RETURN CASE WHEN size(codes) > 0 THEN 'uscc:' + codes[0]
            WHEN size(case_nos) > 0 THEN 'case:' + case_nos[0]
            ELSE 'unknown' END AS hint, count(*) AS n
