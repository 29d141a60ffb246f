// ---
// id: invalidated-right-litigation
// title: 以被宣告无效的权利胜诉 / Won on a right later declared invalid
// family: invalidated_right
// severity: medium
// version: 2
// legal_basis: 商标法 (2019) 第四十七条; 专利法 (2020) 第四十七条; 民事诉讼法 (2023) 第二百一十一条、第二百一十九条 (再审 / 检察监督)
// description: 原告依据的商标或专利已被宣告无效（在判决前或后），但原告获得支持，属再审监督线索。
// reason_zh: >-
//   {{ party }} 在 {{ case_no }} 中依据{{ right_kind | enum }} {{ right }} 获{{ outcome | outcome(instance) }}，该权利已于
//   {{ invalidated_on }} 被宣告无效{% if before %}（早于判决）{% else %}（判决后），视为自始不存在{% endif %}
// reason_en: >-
//   {{ party }} won {{ case_no }} ({{ outcome | outcome(instance) }}) on {{ right_kind | enum }} {{ right }}, declared
//   invalid on {{ invalidated_on }}{% if before %} (before the judgment){% else %} (after the judgment; void from the start){% endif %}
// params:
//   winning_outcomes: {default: [upheld, partly_upheld], doc: "outcomes in which the plaintiff won", doc_zh: "原告获得支持的裁判结果", choices: [upheld, partly_upheld, dismissed, withdrawn, mediated, reversed, other]}
//   plaintiff_roles: {default: [plaintiff], doc: "roles of the right holder who sued", doc_zh: "起诉的权利人的诉讼地位"}
//   min_score: {default: 0.0, doc: "hits scoring lower are dropped", doc_zh: "得分低于此值的命中不予保留", min: 0, max: 1}
// ---
MATCH (p:Party)-[pt:PARTY_TO]->(c:Case)-[:CONCERNS]->(r)
WHERE pt.role IN $plaintiff_roles AND c.outcome IN $winning_outcomes AND r.invalidated_on IS NOT NULL
  AND (r:Trademark OR r:Patent)
WITH p, c, r, CASE WHEN c.decided_on IS NOT NULL AND r.invalidated_on <= c.decided_on THEN true ELSE false END AS before
RETURN [{label: 'Party', key: p.uid}, {label: 'Case', key: c.case_no},
        {label: CASE WHEN r:Trademark THEN 'Trademark' ELSE 'Patent' END, key: coalesce(r.reg_no, r.number)}] AS subjects,
  [{label: 'Case', key: c.case_no, source: c.source, sections: c.sections, outcome: c.outcome,
    decided_on: toString(c.decided_on), awarded: c.awarded},
   {label: CASE WHEN r:Trademark THEN 'Trademark' ELSE 'Patent' END, key: coalesce(r.reg_no, r.number),
    sources: r.sources, invalidated_on: toString(r.invalidated_on)}] AS evidence,
  CASE WHEN before THEN 0.95 ELSE 0.85 END AS score,
  {party: p.name, case_no: c.case_no, instance: c.instance, outcome: c.outcome,
   right_kind: CASE WHEN r:Trademark THEN 'trademark' ELSE 'patent' END, right: coalesce(r.reg_no, r.number),
   invalidated_on: toString(r.invalidated_on), before: before} AS reason
