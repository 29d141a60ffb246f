// ---
// id: civil-to-criminal
// title: 民事裁判中的刑事线索（民刑衔接） / Criminal clue in a civil judgment
// family: penalty_transfer
// severity: high
// version: 1
// legal_basis: 刑法 第二百一十三条、第二百一十四条; 两高 侵犯知识产权刑事案件解释 (2004) 第一条、第二条、第十二条; 法释〔2025〕5号 (自 2025-04-26); 民事诉讼法 (2023) 第一百五十条 (民事案件中发现犯罪线索移送)
// description: 民事侵权判决查明的事实同时显示假冒（同一种商品上使用相同商标 / 假冒商品）与达到按裁判日期适用的刑事追诉标准的数额（非法经营数额、货值、销售金额、违法所得；判赔金额不算），判决未述及刑事程序，且图中无针对同一当事人的刑事案件。
// reason_zh: >-
//   {{ case_no }}（{{ court }}，{{ decided_on or '日期不详' }}）查明{{ parties | join_zh }}假冒他人注册商标（同一种商品、相同商标），且{% for a in amounts %}{{ a.zh }}{{ a.value | yuan }}{% if not loop.last %}、{% endif %}{% endfor %}达到追诉标准（{{ law }}：非法经营数额{{ t_rev | yuan }}、违法所得{{ t_gain | yuan }}、销售金额{{ t_sales | yuan }}{% if multi %}，两种以上商标{% endif %}{% if unverified %}；该标准未核实{% endif %}），图中无针对其的刑事案件，可考虑移送公安
// reason_en: >-
//   {{ case_no }} ({{ court }}, {{ decided_on or 'date unknown' }}) found that {{ parties | join_zh }} counterfeited a registered mark
//   (same mark, same goods), with {% for a in amounts %}{{ a.en }} {{ a.value | yuan }}{% if not loop.last %}, {% endif %}{% endfor %}
//   reaching the criminal threshold ({{ law }}{% if unverified %}, thresholds unverified{% endif %}); no criminal case against them in the graph
// params:
//   thresholds_2004:
//     group: criminal_thresholds
//     law: 最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件具体应用法律若干问题的解释 (法释〔2004〕19号) 第一条、第二条
//     effective_from: 2004-12-22
//     effective_to: 2025-04-25
//     default: {revenue: 50000, gain: 30000, revenue_multi: 30000, gain_multi: 20000, sales: 50000}
//     doc: "假冒注册商标 非法经营数额 ≥ 5万 或 违法所得 ≥ 3万 (两种以上商标 3万 / 2万); 销售假冒注册商标的商品 销售金额 ≥ 5万"
//     doc_zh: "假冒注册商标：非法经营数额 ≥ 5万元或违法所得 ≥ 3万元（两种以上商标 3万 / 2万）；销售假冒注册商标的商品：销售金额 ≥ 5万元"
//   thresholds_2025:
//     group: criminal_thresholds
//     law: 最高人民法院 最高人民检察院关于办理侵犯知识产权刑事案件适用法律若干问题的解释 (法释〔2025〕5号)
//     effective_from: 2025-04-26
//     unverified: true
//     default: {revenue: 50000, gain: 30000, revenue_multi: 30000, gain_multi: 20000, sales: 50000}
//     doc: "UNVERIFIED: published summaries give 非法经营数额 5万 / 违法所得 3万 (two or more marks 3万 / 2万); confirm from two sources"
//     doc_zh: "未核实：公开摘要称非法经营数额 5万元 / 违法所得 3万元（两种以上商标 3万 / 2万）；须两处独立来源确认"
//   liable_outcomes: {default: [upheld, partly_upheld], doc: "outcomes in which the court held the defendant liable (a finding of counterfeiting in a dismissed case is not one)", doc_zh: "法院认定被告担责的裁判结果（驳回诉请的案件中的假冒认定不计）"}
//   revenue_kinds: {default: [illegal_revenue, stock_value, sales_amount], doc: "found amounts that count toward 非法经营数额 (2004 解释 第十二条: sold and unsold goods at their value)", doc_zh: "计入非法经营数额的查明金额（2004 解释第十二条：已销售和未销售的侵权产品价值）"}
//   multi_marks: {default: 2, doc: "a case on at least this many registered marks uses the lower thresholds (假冒两种以上注册商标)", doc_zh: "涉及至少此数量注册商标的案件适用较低标准（假冒两种以上注册商标）"}
//   kind_words: {default: {illegal_revenue: [非法经营数额, illegal revenue], stock_value: [查获货值, value of goods seized], sales_amount: [销售金额, sales], illegal_gain: [违法所得, illegal gain]}, doc: "how each found amount reads in the reason (中文, English)", doc_zh: "各类查明金额在理由中的写法（中文、英文）"}
//   min_score: {default: 0.0, doc: "hits scoring lower are dropped", doc_zh: "得分低于此值的命中不予保留"}
// ---
MATCH (c:Case)
WHERE coalesce(c.division, 'civil') = 'civil' AND c.counterfeit_span IS NOT NULL AND size(coalesce(c.fact_kinds, [])) > 0
  AND NOT coalesce(c.criminal_recited, false) AND c.outcome IN $liable_outcomes
WITH c, [s IN $criminal_thresholds WHERE c.decided_on IS NULL
        OR ((s.effective_from IS NULL OR s.effective_from <= c.decided_on)
            AND (s.effective_to IS NULL OR c.decided_on <= s.effective_to))] AS sets,
     COUNT { (c)-[:CONCERNS]->(:Trademark) } >= $multi_marks AS multi
WITH c, multi, CASE WHEN c.decided_on IS NULL THEN sets[-1] ELSE sets[0] END AS law
WITH c, multi, law, CASE WHEN multi THEN law.values.revenue_multi ELSE law.values.revenue END AS t_rev,
     CASE WHEN multi THEN law.values.gain_multi ELSE law.values.gain END AS t_gain, law.values.sales AS t_sales
WITH c, multi, law, t_rev, t_gain, t_sales,
     [i IN range(0, size(c.fact_kinds) - 1) WHERE
        (c.fact_kinds[i] IN $revenue_kinds AND c.fact_values[i] >= t_rev)
        OR (c.fact_kinds[i] = 'illegal_gain' AND c.fact_values[i] >= t_gain)
        OR (c.fact_kinds[i] = 'sales_amount' AND c.fact_values[i] >= t_sales)] AS over
WHERE size(over) > 0
MATCH (x:Party)-[r:PARTY_TO]->(c)
WHERE r.role = 'defendant' OR coalesce(r.role_text, '') =~ '.*(原审被告|一审被告).*'
WITH c, multi, law, t_rev, t_gain, t_sales, over, collect(DISTINCT x) AS xs
WHERE none(x IN xs WHERE EXISTS { (x)-[:PARTY_TO]->(:Case {division: 'criminal'}) }
        OR EXISTS { MATCH (acc:Party)-[:PARTY_TO]->(:Case {division: 'criminal'}) WHERE acc.name = x.name })
WITH c, multi, law, t_rev, t_gain, t_sales, xs,
     [i IN over | {kind: c.fact_kinds[i], value: c.fact_values[i], span: [c.fact_starts[i], c.fact_ends[i]], quote: c.fact_quotes[i]}] AS amounts
RETURN [{label: 'Case', key: c.case_no}] + [x IN xs | {label: 'Party', key: x.uid}] AS subjects,
  [{label: 'Case', key: c.case_no, source: c.source, finding: 'counterfeit', span: c.counterfeit_span, quote: c.counterfeit_quote,
    outcome: c.outcome, decided_on: toString(c.decided_on), awarded: c.awarded}]
  + [a IN amounts | {label: 'Case', key: c.case_no, source: c.source, finding: a.kind, amount: a.value, span: a.span, quote: a.quote,
     threshold_set: law.name, threshold_unverified: law.unverified}] AS evidence,
  0.7 + CASE WHEN any(a IN amounts WHERE a.kind IN ['illegal_revenue', 'illegal_gain', 'sales_amount']) THEN 0.15 ELSE 0.05 END
    + CASE WHEN size(amounts) > 1 THEN 0.1 ELSE 0.0 END AS score,
  {case_no: c.case_no, court: c.court, decided_on: toString(c.decided_on), parties: [x IN xs | x.name],
   amounts: [a IN amounts | {kind: a.kind, value: a.value, zh: $kind_words[a.kind][0], en: $kind_words[a.kind][1]}], law: law.law, unverified: coalesce(law.unverified, false),
   t_rev: t_rev, t_gain: t_gain, t_sales: t_sales, multi: multi} AS reason
