// ---
// id: penalty-not-transferred
// title: 以罚代刑：达到追诉标准未移送 / Penalty reaching criminal thresholds not transferred
// family: penalty_transfer
// severity: high
// version: 3
// legal_basis: 行政执法机关移送涉嫌犯罪案件的规定 (2020) 第三条; 两高 侵犯知识产权刑事案件解释 (2004) 第一条、第二条、第四条; 法释〔2025〕5号 (自 2025-04-26)
// description: 商标/专利行政处罚的金额达到按决定日期适用的刑事追诉标准（两年内曾受处罚的加重评分），却未移送公安，且当事人（或其法定代表人，或同名/同一信用代码的被告人）无刑事案件；他人就同一商标的刑事案件不算。
// reason_zh: >-
//   {{ party }} 被处罚（{{ decision_no }}，{{ decided_on or "日期不详" }}）
//   {%- if revenue is not none %}，非法经营数额 {{ revenue | yuan }} ≥ {{ t_rev | yuan }}{% endif %}
//   {%- if gain is not none %}，违法所得 {{ gain | yuan }} ≥ {{ t_gain | yuan }}{% endif %}
//   {%- if sales is not none %}，销售金额 {{ sales | yuan }} ≥ {{ t_sales | yuan }}{% endif %}
//   {%- if priors %}，两年内曾受处罚 {{ priors }} 次{% endif %}，未移送公安且无关联刑事案件（标准：{{ law or "未注明法律依据的标准" }}
//   {%- if unverified %}，未核实{% endif %}）
// reason_en: >-
//   {{ party }} was penalised ({{ decision_no }}, {{ decided_on or "date unknown" }})
//   {%- if revenue is not none %}, illegal revenue {{ revenue | yuan }} ≥ {{ t_rev | yuan }}{% endif %}
//   {%- if gain is not none %}, illegal gain {{ gain | yuan }} ≥ {{ t_gain | yuan }}{% endif %}
//   {%- if sales is not none %}, sales {{ sales | yuan }} ≥ {{ t_sales | yuan }}{% endif %}
//   {%- if priors %}, {{ priors }} prior penalty(ies) within two years{% endif %}; not transferred to the police and no
//   related criminal case (thresholds: {{ law_set }}{% if unverified %}, unverified{% endif %})
// params:
//   thresholds_2004:
//     group: criminal_thresholds
//     law: 最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件具体应用法律若干问题的解释 (法释〔2004〕19号) 第一条、第二条、第四条
//     effective_from: 2004-12-22
//     effective_to: 2025-04-25
//     default: {revenue: 50000, gain: 30000, revenue_multi: 30000, gain_multi: 20000, sales: 50000, patent_revenue: 200000, patent_gain: 100000}
//     doc: "假冒注册商标 非法经营数额 ≥ 5万 或 违法所得 ≥ 3万 (两种以上商标 3万 / 2万); 销售假冒注册商标的商品 销售金额 ≥ 5万; 假冒专利 20万 / 10万"
//     doc_zh: "假冒注册商标：非法经营数额 ≥ 5万元 或 违法所得 ≥ 3万元（两种以上商标 3万元 / 2万元）；销售假冒注册商标的商品：销售金额 ≥ 5万元；假冒专利：20万元 / 10万元"
//   thresholds_2025:
//     group: criminal_thresholds
//     law: 最高人民法院 最高人民检察院关于办理侵犯知识产权刑事案件适用法律若干问题的解释 (法释〔2025〕5号)
//     effective_from: 2025-04-26
//     unverified: true
//     default: {revenue: 50000, gain: 30000, revenue_multi: 30000, gain_multi: 20000, sales: 50000, patent_revenue: 200000, patent_gain: 100000}
//     doc: "UNVERIFIED; confirm before relying on it: 法释〔2025〕5号 is not in the corpus; these figures repeat the 2004 ones as placeholders"
//     doc_zh: "未核实，使用前须确认：语料中没有法释〔2025〕5号原文，以下数额暂沿用 2004 年标准作为占位"
//   repeat_window_days: {default: 730, doc: "a penalty for the same party within this many days before also counts (再次侵权; 2020 解释（三）第八条 从重情节) — a clue heuristic, not a statutory threshold", doc_zh: "此前此天数内同一当事人受过处罚的也计入（再次侵权；2020 解释（三）第八条 从重情节）——线索启发式，并非法定标准", min: 0}
//   repeat_alone: {default: false, doc: "a prior penalty alone (amounts below every threshold) makes a hit; off because no interpretation makes a prior penalty a 追诉标准 for these offences (repeat infringement is the serial-infringer detector's clue)", doc_zh: "仅凭此前处罚（金额均未达标准）即构成命中；默认关闭，因无司法解释将曾受处罚作为这些犯罪的追诉标准（重复侵权属屡罚屡犯检测模型）"}
//   ip_violation_words: {default: [商标, 专利, 假冒, 侵权], doc: "violation text that marks an IP penalty (or it concerns a mark or patent)", doc_zh: "违法行为中出现这些词即视为知识产权处罚（或处罚涉及商标、专利）"}
//   min_score: {default: 0.0, doc: "hits scoring lower are dropped", doc_zh: "得分低于此值的命中不予保留", min: 0, max: 1}
// ---
MATCH (x:Party)-[:PENALISED_IN]->(pn:Penalty)
WHERE NOT coalesce(pn.transferred_to_police, false) AND NOT coalesce(pn.stub, false)
  AND (any(w IN $ip_violation_words WHERE coalesce(pn.violation, '') CONTAINS w) OR EXISTS { (pn)-[:CONCERNS]->() })
WITH x, pn,
     [s IN $criminal_thresholds WHERE pn.decided_on IS NULL
        OR ((s.effective_from IS NULL OR s.effective_from <= pn.decided_on)
            AND (s.effective_to IS NULL OR pn.decided_on <= s.effective_to))] AS sets
WITH x, pn, CASE WHEN pn.decided_on IS NULL THEN sets[-1] ELSE sets[0] END AS law,
     EXISTS { (pn)-[:CONCERNS]->(:Patent) } AND NOT EXISTS { (pn)-[:CONCERNS]->(:Trademark) } AS patent_only,
     coalesce(pn.n_marks, 0) >= 2 AS multi
WITH x, pn, law, patent_only,
     CASE WHEN patent_only THEN law.values.patent_revenue WHEN multi THEN law.values.revenue_multi ELSE law.values.revenue END AS t_rev,
     CASE WHEN patent_only THEN law.values.patent_gain WHEN multi THEN law.values.gain_multi ELSE law.values.gain END AS t_gain
OPTIONAL MATCH (x)-[:PENALISED_IN]->(prior:Penalty)
WHERE prior <> pn AND prior.decided_on IS NOT NULL AND pn.decided_on IS NOT NULL AND prior.decided_on < pn.decided_on
  AND duration.inDays(prior.decided_on, pn.decided_on).days <= $repeat_window_days
WITH x, pn, law, t_rev, t_gain, patent_only, collect(prior) AS priors
WITH x, pn, law, priors, t_rev, t_gain,
     coalesce(pn.illegal_revenue, 0) >= t_rev AS by_revenue, coalesce(pn.illegal_gain, 0) >= t_gain AS by_gain,
     NOT patent_only AND coalesce(pn.sales_amount, 0) >= law.values.sales AS by_sales
WHERE (by_revenue OR by_gain OR by_sales OR ($repeat_alone AND size(priors) > 0))
  AND NOT EXISTS { (x)-[:PARTY_TO]->(:Case {division: 'criminal'}) }
  AND NOT EXISTS { (x)<-[:LEGAL_REP_OF]-(:Party)-[:PARTY_TO]->(:Case {division: 'criminal'}) }
  AND NOT EXISTS { MATCH (pn)-[:CONCERNS]->()<-[:CONCERNS]-(:Case {division: 'criminal'})<-[:PARTY_TO]-(acc:Party)
                   WHERE acc.name = x.name OR (acc.uscc IS NOT NULL AND acc.uscc = x.uscc)
                      OR EXISTS { MATCH (rep:Party)-[:LEGAL_REP_OF]->(x) WHERE rep.name = acc.name } }
WITH x, pn, law, priors, by_revenue, by_gain, by_sales, t_rev, t_gain,
     CASE WHEN by_revenue OR by_gain OR by_sales THEN 0.85 ELSE 0.6 END
       + CASE WHEN size(priors) > 0 THEN 0.1 ELSE 0.0 END AS s
RETURN [{label: 'Party', key: x.uid}, {label: 'Penalty', key: pn.decision_no}] AS subjects,
  [{label: 'Penalty', key: pn.decision_no, source: pn.source, sections: pn.sections, decided_on: toString(pn.decided_on),
    illegal_revenue: pn.illegal_revenue, illegal_gain: pn.illegal_gain, sales_amount: pn.sales_amount,
    n_marks: pn.n_marks, transferred_to_police: pn.transferred_to_police,
    threshold_set: law.name, threshold_law: law.law, threshold_unverified: law.unverified,
    threshold_revenue: t_rev, threshold_gain: t_gain}]
  + [q IN priors | {label: 'Penalty', key: q.decision_no, source: q.source, decided_on: toString(q.decided_on), role: 'prior'}]
  AS evidence,
  CASE WHEN s > 1.0 THEN 1.0 ELSE s END AS score,
  {party: x.name, decision_no: pn.decision_no, decided_on: toString(pn.decided_on),
   revenue: CASE WHEN by_revenue THEN pn.illegal_revenue END, t_rev: t_rev,
   gain: CASE WHEN by_gain THEN pn.illegal_gain END, t_gain: t_gain,
   sales: CASE WHEN by_sales THEN pn.sales_amount END, t_sales: law.values.sales,
   priors: size(priors), law: law.law, law_set: law.name, unverified: law.unverified} AS reason
