// ---
// id: criminal-sentence-review
// title: 侵犯知识产权犯罪量刑审查 / Sentence review of IP-crime judgments
// family: sentencing_review
// severity: medium
// version: 1
// legal_basis: 刑法 第十二条 (从旧兼从轻)、第五十二条、第七十二条、第二百一十三条至第二百二十条 (修正前 / 刑法修正案（十一）自 2021-03-01); 法释〔2004〕19号 第一条至第七条; 法释〔2007〕6号 第三条、第四条; 法释〔2020〕10号 第十条; 法释〔2025〕5号 (自 2025-04-26，数额未核实)
// description: 侵犯知识产权犯罪判决中（数罪并罚者不作刑期幅度审查），被告人（单位）的刑罚与法律不符的线索：应并处罚金而未判（附加刑遗漏）、三年以上有期徒刑适用缓刑、刑期在查明数额所处法定刑幅度之外（按行为时与裁判时较轻的解释和条文）、罚金不在解释规定的比例内；有自首、从犯等从宽情节时降低评分但不排除。
// reason_zh: >-
//   {{ defendant }}（{{ case_no }}，{{ charge }}{% if charge_inferred %}，罪名据事实推定{% endif %}）：
//   {% if 'fine_missing' in rules %}判处{% if prison %}有期徒刑{{ prison }}个月{% elif detention %}拘役{{ detention }}个月{% else %}刑罚{% endif %}而未并处罚金（条文为并处或者单处罚金 / 并处罚金）；{% endif %}
//   {% if 'probation_over_limit' in rules %}有期徒刑{{ prison }}个月超过三年仍宣告缓刑（刑法第七十二条）；{% endif %}
//   {% if 'below_band' in rules %}查明数额（非法经营数额 {{ revenue | yuan }}，违法所得 {{ gain | yuan }}，销售金额 {{ sales | yuan }}）已达“情节特别严重 / 数额巨大”标准，法定刑 {{ band_min }} 个月以上，判处{% if prison %}有期徒刑{{ prison }}个月{% elif detention %}拘役{{ detention }}个月{% else %}免予刑事处罚{% endif %}{% if mitigation %}（有{{ mitigation | join_zh }}情节，可能依法减轻）{% endif %}；{% endif %}
//   {% if 'above_band' in rules %}查明数额（非法经营数额 {{ revenue | yuan }}，违法所得 {{ gain | yuan }}，销售金额 {{ sales | yuan }}）仅在“情节严重”幅度，法定最高刑 {{ band_max }} 个月，判处有期徒刑{{ prison }}个月；{% endif %}
//   {% if 'above_max' in rules %}有期徒刑{{ prison }}个月超过该罪法定最高刑 {{ band_top }} 个月（按从旧兼从轻）；{% endif %}
//   {% if 'detention_barred' in rules %}行为时与裁判时条文均已无拘役，却判处拘役{{ detention }}个月；{% endif %}
//   {% if 'fine_ratio' in rules %}罚金 {{ fine | yuan }} 不在{{ fine_law }}的比例内（违法所得的 {{ ratio.gain_min }}–{{ ratio.gain_max }} 倍{% if ratio.gain_first %}；违法所得不明时{% else %}，或{% endif %}非法经营数额的 {{ ratio.revenue_min }}–{{ ratio.revenue_max }} 倍）；{% endif %}
//   数额标准：{{ threshold_act_law }}{% if threshold_trial_law != threshold_act_law %} / {{ threshold_trial_law }}{% endif %}{% if unverified %}（法释〔2025〕5号数额未经两个独立来源核实，仅供参考）{% endif %}
// reason_en: >-
//   {{ defendant }} ({{ case_no }}, {{ charge }}): sentence outside the law ({{ rules | join_zh }}); revenue {{ revenue | yuan }},
//   gain {{ gain | yuan }}, sales {{ sales | yuan }}; thresholds {{ threshold_act_law }}{% if unverified %} (2025 figures unverified){% endif %}
// params:
//   ip_charges: {default: [假冒注册商标罪, 销售假冒注册商标的商品罪, "非法制造、销售非法制造的注册商标标识罪", 假冒专利罪, 侵犯著作权罪, 销售侵权复制品罪, 侵犯商业秘密罪, 为境外窃取、刺探、收买、非法提供商业秘密罪], doc: "侵犯知识产权罪 (刑法第二百一十三条至第二百一十九条之一)", doc_zh: "侵犯知识产权罪的罪名（刑法第二百一十三条至第二百一十九条之一）"}
//   penal_code_1997:
//     group: penal_code
//     law: 中华人民共和国刑法 (1997) 第二百一十三条至第二百一十九条，刑法修正案（十一）施行前
//     effective_to: 2021-02-28
//     default: {假冒注册商标罪: {max1: 36, min2: 36, max2: 84, detention: true}, 销售假冒注册商标的商品罪: {max1: 36, min2: 36, max2: 84, detention: true}, "非法制造、销售非法制造的注册商标标识罪": {max1: 36, min2: 36, max2: 84, detention: true}, 假冒专利罪: {max1: 36, max2: 36, detention: true}, 侵犯著作权罪: {max1: 36, min2: 36, max2: 84, detention: true}, 销售侵权复制品罪: {max1: 36, max2: 36, detention: true}, 侵犯商业秘密罪: {max1: 36, min2: 36, max2: 84, detention: true}}
//     doc: "per charge: 情节严重 幅度最高 max1 个月；情节特别严重 min2–max2 个月；是否可判拘役"
//     doc_zh: "按罪名：情节严重的量刑幅度上限 max1（月）；情节特别严重的幅度 min2–max2（月）；可否判处拘役"
//   penal_code_amend11:
//     group: penal_code
//     law: 中华人民共和国刑法修正案（十一） 第十七条至第二十二条
//     effective_from: 2021-03-01
//     default: {假冒注册商标罪: {max1: 36, min2: 36, max2: 120, detention: false}, 销售假冒注册商标的商品罪: {max1: 36, min2: 36, max2: 120, detention: false}, "非法制造、销售非法制造的注册商标标识罪": {max1: 36, min2: 36, max2: 120, detention: false}, 假冒专利罪: {max1: 36, max2: 36, detention: true}, 侵犯著作权罪: {max1: 36, min2: 36, max2: 120, detention: false}, 销售侵权复制品罪: {max1: 60, max2: 60, detention: false}, 侵犯商业秘密罪: {max1: 36, min2: 36, max2: 120, detention: false}}
//     doc: "修正后: 213/214/215/217/219 三年以下有期徒刑（无拘役）或三年以上十年以下；218 五年以下"
//     doc_zh: "修正后：第213/214/215/217/219条 三年以下有期徒刑（不再有拘役）或三年以上十年以下；第218条 五年以下"
//   thresholds_2004:
//     group: thresholds
//     law: 法释〔2004〕19号 第一条至第六条
//     effective_from: 2004-12-22
//     effective_to: 2025-04-25
//     default: {假冒注册商标罪: {revenue1: 50000, gain1: 30000, revenue1_multi: 30000, gain1_multi: 20000, revenue2: 250000, gain2: 150000, revenue2_multi: 150000, gain2_multi: 100000}, 销售假冒注册商标的商品罪: {sales1: 50000, sales2: 250000}, "非法制造、销售非法制造的注册商标标识罪": {revenue1: 50000, gain1: 30000, revenue1_multi: 30000, gain1_multi: 20000, revenue2: 250000, gain2: 150000, revenue2_multi: 150000, gain2_multi: 100000}, 假冒专利罪: {revenue1: 200000, gain1: 100000}, 侵犯著作权罪: {revenue1: 50000, gain1: 30000, revenue2: 250000, gain2: 150000}, 销售侵权复制品罪: {gain1: 100000}}
//     doc: "情节严重 (…1) / 情节特别严重 (…2) 的非法经营数额、违法所得、销售金额；_multi: 两种以上注册商标"
//     doc_zh: "情节严重（…1）/ 情节特别严重（…2）的非法经营数额、违法所得、销售金额；_multi：两种以上注册商标"
//   thresholds_2025:
//     group: thresholds
//     law: 法释〔2025〕5号 第三条等（数额未核实）
//     effective_from: 2025-04-26
//     unverified: true
//     default: {假冒注册商标罪: {revenue1: 50000, gain1: 30000, revenue1_multi: 30000, gain1_multi: 20000, revenue2: 500000, gain2: 300000, revenue2_multi: 300000, gain2_multi: 200000}, 销售假冒注册商标的商品罪: {sales1: 50000, sales2: 250000}, "非法制造、销售非法制造的注册商标标识罪": {revenue1: 50000, gain1: 30000, revenue1_multi: 30000, gain1_multi: 20000, revenue2: 250000, gain2: 150000, revenue2_multi: 150000, gain2_multi: 100000}, 假冒专利罪: {revenue1: 200000, gain1: 100000}, 侵犯著作权罪: {revenue1: 50000, gain1: 30000, revenue2: 250000, gain2: 150000}, 销售侵权复制品罪: {gain1: 50000}}
//     doc: "UNVERIFIED: 假冒注册商标 (goods) figures as the issue reports them, confirmed by one published source only (chenweisong.com/4166, 2025-12-30); no second independent source found; other charges repeat the 2004 figures as placeholders (销售侵权复制品 5万 per a 新华社 report)"
//     doc_zh: "未核实：假冒注册商标（商品）数额按议题所引，仅一处公开来源印证；其他罪名暂沿用2004年数额"
//   fine_2007:
//     group: fine_ratio
//     law: 法释〔2007〕6号 第四条
//     effective_from: 2007-04-05
//     effective_to: 2020-09-13
//     default: {gain_min: 1.0, gain_max: 5.0, revenue_min: 0.5, revenue_max: 1.0, gain_first: false}
//     doc: "罚金一般在违法所得的一倍以上五倍以下，或者非法经营数额的50%以上一倍以下"
//     doc_zh: "罚金一般在违法所得的一倍以上五倍以下，或者非法经营数额的50%以上一倍以下"
//   fine_2020:
//     group: fine_ratio
//     law: 法释〔2020〕10号 第十条
//     effective_from: 2020-09-14
//     default: {gain_min: 1.0, gain_max: 5.0, revenue_min: 0.5, revenue_max: 1.0, gain_first: true}
//     doc: "罚金一般在违法所得的一倍以上五倍以下；违法所得无法查清的，按非法经营数额的50%以上一倍以下"
//     doc_zh: "罚金一般在违法所得的一倍以上五倍以下；违法所得无法查清的，按非法经营数额的50%以上一倍以下"
//   probation_max_months: {default: 36, doc: "缓刑只适用于拘役、三年以下有期徒刑 (刑法第七十二条)", doc_zh: "缓刑只适用于拘役、三年以下有期徒刑（刑法第七十二条）"}
//   scores: {default: {fine_missing: 0.9, probation_over_limit: 0.9, below_band: 0.8, above_band: 0.75, above_max: 0.9, detention_barred: 0.7, fine_ratio: 0.5}, doc: "score of each rule; a row scores its best rule", doc_zh: "各规则的得分；一行取其最高规则的得分"}
//   mitigation_discount: {default: 0.35, doc: "below_band and fine_ratio scores are multiplied by (1 - this) when a mitigating finding is recorded (自首、立功、从犯 may lawfully lower the sentence)", doc_zh: "认定有减轻情节（自首、立功、从犯等可依法从轻）时，低于幅度与罚金比例两项得分乘以（1 − 此值）"}
//   min_score: {default: 0.0, doc: "hits scoring lower are dropped", doc_zh: "得分低于此值的命中不予保留"}
// ---
MATCH (p:Party)-[r:PARTY_TO]->(c:Case {division: 'criminal'})
WHERE r.role IN ['accused', 'accused_unit'] AND r.charge IN $ip_charges
  AND (r.prison_months IS NOT NULL OR r.detention_months IS NOT NULL OR r.fine IS NOT NULL OR coalesce(r.exempt, false)
       OR coalesce(r.sentenced, false))
WITH p, r, c, coalesce(c.offence_to, c.offence_from, c.decided_on) AS act, coalesce(c.decided_on, c.offence_to, c.offence_from) AS trial
WITH p, r, c, act, trial,
     [s IN $penal_code WHERE act IS NULL OR ((s.effective_from IS NULL OR s.effective_from <= act) AND (s.effective_to IS NULL OR act <= s.effective_to))][0] AS code_act,
     [s IN $penal_code WHERE trial IS NULL OR ((s.effective_from IS NULL OR s.effective_from <= trial) AND (s.effective_to IS NULL OR trial <= s.effective_to))][-1] AS code_trial,
     [s IN $thresholds WHERE act IS NULL OR ((s.effective_from IS NULL OR s.effective_from <= act) AND (s.effective_to IS NULL OR act <= s.effective_to))][0] AS t_act,
     [s IN $thresholds WHERE trial IS NULL OR ((s.effective_from IS NULL OR s.effective_from <= trial) AND (s.effective_to IS NULL OR trial <= s.effective_to))][-1] AS t_trial,
     [s IN $fine_ratio WHERE trial IS NULL OR ((s.effective_from IS NULL OR s.effective_from <= trial) AND (s.effective_to IS NULL OR trial <= s.effective_to))][-1] AS ratio
WITH p, r, c, code_act.values[r.charge] AS ba, code_trial.values[r.charge] AS bt,
     coalesce(t_act.values[r.charge], {}) AS ta, coalesce(t_trial.values[r.charge], {}) AS tt, t_act, t_trial, ratio,
     coalesce(c.marks_count, 0) >= 2 AS multi,
     coalesce(c.illegal_gain, 0) AS gain, coalesce(c.sales_amount, 0) AS sales,
     reduce(m = 0.0, x IN [c.illegal_revenue, c.sales_amount, c.goods_value] | CASE WHEN coalesce(x, 0) > m THEN toFloat(x) ELSE m END) AS revenue
// 从旧兼从轻: the higher threshold and the lower maximum of the law at the act and the law at the trial
WITH p, r, c, t_act, t_trial, ratio, gain, sales, revenue, multi,
     CASE WHEN coalesce(ba.max1, 0) < coalesce(bt.max1, 0) THEN ba.max1 ELSE coalesce(bt.max1, ba.max1) END AS max1,
     CASE WHEN ba.min2 IS NULL OR bt.min2 IS NULL THEN null WHEN ba.min2 < bt.min2 THEN ba.min2 ELSE bt.min2 END AS min2,
     CASE WHEN coalesce(ba.max2, 0) < coalesce(bt.max2, 0) THEN ba.max2 ELSE coalesce(bt.max2, ba.max2) END AS max2,
     coalesce(ba.detention, false) OR coalesce(bt.detention, false) AS detention_ok,
     [k IN ['revenue1', 'gain1', 'sales1', 'revenue2', 'gain2', 'sales2'] |
        CASE WHEN multi AND (ta[k + '_multi'] IS NOT NULL OR tt[k + '_multi'] IS NOT NULL) THEN
          CASE WHEN coalesce(ta[k + '_multi'], 0) > coalesce(tt[k + '_multi'], 0) THEN ta[k + '_multi'] ELSE tt[k + '_multi'] END
        ELSE CASE WHEN coalesce(ta[k], 0) > coalesce(tt[k], 0) THEN ta[k] ELSE tt[k] END END] AS t
WITH p, r, c, t_act, t_trial, ratio, gain, sales, revenue, max1, min2, max2, detention_ok, t,
     (t[3] IS NOT NULL AND revenue >= t[3]) OR (t[4] IS NOT NULL AND gain >= t[4]) OR (t[5] IS NOT NULL AND sales >= t[5]) AS band2,
     (t[0] IS NOT NULL AND revenue >= t[0]) OR (t[1] IS NOT NULL AND gain >= t[1]) OR (t[2] IS NOT NULL AND sales >= t[2]) AS band1,
     coalesce(r.prison_months, 0) AS term, size(coalesce(r.mitigation, [])) > 0 AS mitigated,
     coalesce(r.fine, 0) AS own_fine, coalesce(r.fine, 0) AS fine,
     r.role = 'accused' AND NOT coalesce(r.combined, false) AS single
WITH p, r, c, t_act, t_trial, ratio, gain, revenue, sales, max1, min2, max2, detention_ok, t, band1, band2, term, mitigated, own_fine, fine, single,
     fine > 0 AND gain > 0 AND fine >= gain * ratio.values.gain_min AND fine <= gain * ratio.values.gain_max AS in_gain,
     fine > 0 AND revenue > 0 AND fine >= revenue * ratio.values.revenue_min AND fine <= revenue * ratio.values.revenue_max AS in_rev
WITH p, r, c, t_act, t_trial, ratio, gain, revenue, sales, max1, min2, max2, term, mitigated, fine, t, single,
     [x IN [
       CASE WHEN own_fine = 0 AND NOT coalesce(r.exempt, false)
                 AND (r.role = 'accused_unit' OR r.prison_months IS NOT NULL OR r.detention_months IS NOT NULL) THEN 'fine_missing' END,
       CASE WHEN r.probation_months IS NOT NULL AND term > $probation_max_months THEN 'probation_over_limit' END,
       CASE WHEN single AND band2 AND min2 IS NOT NULL AND term < min2 THEN 'below_band' END,
       CASE WHEN single AND band1 AND NOT band2 AND term > max1 THEN 'above_band' END,
       CASE WHEN single AND max2 IS NOT NULL AND term > max2 THEN 'above_max' END,
       CASE WHEN r.role = 'accused' AND r.detention_months IS NOT NULL AND NOT detention_ok THEN 'detention_barred' END,
       CASE WHEN fine > 0 AND (gain > 0 OR revenue > 0)
                 AND NOT (in_gain OR (in_rev AND NOT (ratio.values.gain_first AND gain > 0))) THEN 'fine_ratio' END
     ] WHERE x IS NOT NULL] AS rules
WHERE size(rules) > 0
WITH p, r, c, t_act, t_trial, ratio, gain, revenue, sales, max1, min2, max2, term, mitigated, fine, t, rules,
     reduce(best = 0.0, k IN rules | CASE WHEN
       toFloat($scores[k]) * CASE WHEN mitigated AND k IN ['below_band', 'fine_ratio'] THEN 1.0 - $mitigation_discount ELSE 1.0 END > best
       THEN toFloat($scores[k]) * CASE WHEN mitigated AND k IN ['below_band', 'fine_ratio'] THEN 1.0 - $mitigation_discount ELSE 1.0 END
       ELSE best END) AS score
RETURN [{label: 'Party', key: p.uid}, {label: 'Case', key: c.case_no}] AS subjects,
  [{label: 'Case', key: c.case_no, source: c.source, sections: c.sections, court: c.court,
    decided_on: toString(c.decided_on), offence_from: toString(c.offence_from), offence_to: toString(c.offence_to),
    crime_amounts: c.crime_amounts, sentence_span: [r.sentence_start, r.sentence_end],
    mitigation: r.mitigation, mitigation_spans: r.mitigation_spans,
    threshold_act: t_act.name, threshold_trial: t_trial.name, fine_law: ratio.law, threshold_values: t,
    band_max: max1, band_min: min2, band_top: max2}] AS evidence,
  score,
  {defendant: p.name, case_no: c.case_no, charge: r.charge, charge_inferred: coalesce(r.charge_inferred, false),
   prison: r.prison_months, detention: r.detention_months, probation: r.probation_months, fine: fine,
   rules: rules, mitigation: coalesce(r.mitigation, []),
   revenue: revenue, gain: gain, sales: sales, band_min: min2, band_max: max1, band_top: max2, fine_law: ratio.law,
   ratio: ratio.values, threshold_act_law: t_act.law, threshold_trial_law: t_trial.law,
   unverified: coalesce(t_act.unverified, false) OR coalesce(t_trial.unverified, false)} AS reason
