// ---
// id: co-offender-not-prosecuted
// title: 另案处理人员未追诉 / Co-offender said to be dealt with separately, never prosecuted
// family: case_filing_supervision
// severity: medium
// version: 1
// legal_basis: 刑事诉讼法 (2018) 第一百一十三条 (立案监督); 最高人民检察院 公安部《关于规范刑事案件"另案处理"适用的指导意见》(2014); 人民检察院刑事诉讼规则 (2019) 第五百五十七条
// description: 刑事判决称同案人员"另案处理 / 另行处理 / 在逃 / 另案起诉"，宽限期后本院（同名即可；匿名须同一案号系列）仍无以其为被告人的刑事案件；他院同名者的案件只降低评分，属立案监督线索；匿名姓名（某）只在同一法院、同一案号系列内比对，否则注明无法核实；从不为匹配而合并人员。
// reason_zh: >-
//   {{ case_no }}{% if court %}（{{ court }}）{% endif %}载明 {{ names | join_zh }} {{ statuses | join_zh }}，
//   {% if decided_on %}判决于 {{ decided_on }}，已逾 {{ grace_days }} 日{% else %}判决日期不详{% endif %}，
//   图中未见以其为被告人的刑事案件{% if unverifiable %}；其中 {{ unverifiable | join_zh }} 为匿名姓名且本案无法院或案号系列，无法核实是否已另案追诉{% endif %}{% if verifiable_anon %}；匿名姓名 {{ verifiable_anon | join_zh }} 仅在本院同一案号系列内比对{% endif %}{% if elsewhere %}；他院有同名被告人案件 {{ elsewhere | join_zh }}，是否同一人待核实{% endif %}
// reason_en: >-
//   {{ case_no }} says {{ names | join_zh }} would be dealt with separately; after {{ grace_days }} days the graph holds
//   no criminal case against them{% if unverifiable %} ({{ unverifiable | join_zh }}: anonymised, cannot be verified){% endif %}
// params:
//   open_statuses: {default: [另案处理, 另行处理, 另处理, 另案起诉, 另案侦查, 另案审理, 在逃], doc: "statuses that promise a separate prosecution (已判决 / 已起诉 are closed)", doc_zh: "表示将另行追诉的处理状态（已判决、已起诉视为已结）"}
//   grace_days: {default: 730, doc: "days after the judgment before a missing separate case is a clue", doc_zh: "判决后经过此天数仍无另案，才构成线索"}
//   as_of: {default: null, type: date, doc: "the date the grace period is measured to (ISO date); null: today", doc_zh: "宽限期计算到的日期（ISO 日期）；为空时取今天"}
//   tried_before_days: {default: 180, doc: "a case against the same name decided more than this many days before the judgment that still calls the person 另案处理 is not theirs (another person, or an earlier offence)", doc_zh: "同名者的案件若早于本判决此天数以上作出，而本判决仍称其另案处理，则不视为其另案（另一人或更早的犯罪）"}
//   verified_score: {default: 0.7, doc: "score when every name could be looked up (a real name, or an anonymised one within the same court and series)", doc_zh: "所有姓名均可比对时（真实姓名，或在同一法院同一案号系列内的匿名姓名）的得分"}
//   unverifiable_score: {default: 0.4, doc: "score when some anonymised name cannot be looked up (no court or case-number series)", doc_zh: "有匿名姓名无法比对（无法院或案号系列）时的得分"}
//   same_name_elsewhere_penalty: {default: 0.3, doc: "subtracted when a person of the same written name was tried in another court (possibly the same person; names alone never identify one)", doc_zh: "他院有同名被告人受审时扣减的分数（可能是同一人；仅凭姓名不能认定同一人）"}
//   undated_penalty: {default: 0.1, doc: "subtracted when the judgment date is unknown (the grace period cannot be checked)", doc_zh: "判决日期不详（无法核算宽限期）时扣减的分数"}
//   min_score: {default: 0.0, doc: "hits scoring lower are dropped", doc_zh: "得分低于此值的命中不予保留"}
// ---
MATCH (c:Case {division: 'criminal'})
WHERE size(coalesce(c.co_names, [])) > 0
WITH c, coalesce(date($as_of), date()) AS today
WHERE c.decided_on IS NULL OR c.decided_on + duration({days: $grace_days}) <= today
UNWIND range(0, size(c.co_names) - 1) AS i
WITH c, c.co_names[i] AS name, c.co_status[i] AS status, coalesce(c.co_anonymised[i], false) AS anon, c.co_spans[i] AS span
WHERE status IN $open_statuses
WITH c, name, status, anon, span,
     coalesce(c.court, '') <> '' AND c.case_series IS NOT NULL AS has_series
WHERE NOT EXISTS {
  MATCH (q:Party)-[qr:PARTY_TO]->(c2:Case {division: 'criminal'})
  WHERE c2 <> c AND qr.role = 'accused' AND (q.name = name OR name IN coalesce(q.aliases, []))
    AND coalesce(c.court, '') <> '' AND c2.court = c.court AND (NOT anon OR c2.case_series = c.case_series)
    AND (c.decided_on IS NULL OR c2.decided_on IS NULL OR c2.decided_on >= c.decided_on - duration({days: $tried_before_days}))
}
// the same written name tried in another court: possibly the same person, never assumed to be
OPTIONAL MATCH (q:Party)-[qr:PARTY_TO]->(c3:Case {division: 'criminal'})
WHERE NOT anon AND c3 <> c AND qr.role = 'accused' AND (q.name = name OR name IN coalesce(q.aliases, []))
  AND (c.decided_on IS NULL OR c3.decided_on IS NULL OR c3.decided_on >= c.decided_on - duration({days: $tried_before_days}))
WITH c, name, status, anon, span, has_series, collect(DISTINCT c3.case_no) AS elsewhere
WITH c, collect({name: name, status: status, anon: anon, span: span, has_series: has_series, elsewhere: elsewhere}) AS open
MATCH (acc:Party)-[r:PARTY_TO]->(c) WHERE r.role IN ['accused', 'accused_unit']
WITH c, open, collect(DISTINCT acc) AS accused,
     [o IN open WHERE o.anon AND NOT o.has_series | o.name] AS unverifiable,
     [o IN open WHERE o.anon AND o.has_series | o.name] AS verifiable_anon,
     reduce(s = [], o IN open | s + o.elsewhere) AS elsewhere
RETURN [{label: 'Case', key: c.case_no}] + [a IN accused | {label: 'Party', key: a.uid}] AS subjects,
  [{label: 'Case', key: c.case_no, source: c.source, sections: c.sections, court: c.court,
    decided_on: toString(c.decided_on), co_offenders: [o IN open | o.name], statuses: [o IN open | o.status],
    spans: [o IN open | o.span]}] AS evidence,
  CASE WHEN size(unverifiable) > 0 THEN $unverifiable_score ELSE $verified_score END
    - CASE WHEN c.decided_on IS NULL THEN $undated_penalty ELSE 0.0 END
    - CASE WHEN size(elsewhere) > 0 THEN $same_name_elsewhere_penalty ELSE 0.0 END AS score,
  {case_no: c.case_no, court: c.court, decided_on: toString(c.decided_on), grace_days: $grace_days,
   names: [o IN open | o.name], statuses: reduce(s = [], o IN open | CASE WHEN o.status IN s THEN s ELSE s + o.status END),
   unverifiable: unverifiable, verifiable_anon: verifiable_anon, elsewhere: elsewhere} AS reason
