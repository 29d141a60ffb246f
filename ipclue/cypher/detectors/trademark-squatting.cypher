// ---
// id: trademark-squatting
// title: 恶意抢注商标 / Bad-faith trademark squatting
// family: trademark_squatting
// severity: medium
// version: 4
// legal_basis: 商标法 (2019) 第四条 (不以使用为目的的恶意商标注册申请)、第三十二条 (在先权利 / 抢先注册)、第四十四条 (以欺骗或不正当手段取得注册的宣告无效); 规范商标申请注册行为若干规定 (国家市场监督管理总局令第17号, 2019) 第三条、第八条 (not in the corpus)
// description: 申请人（含关联申请人）短期内大量申请商标而无使用意图（商标法第四条：数量，而非类别数），表现为摹仿他人在先商标（以申请人自身字号为基础的商标不计）、分散转让或以抢注商标起诉；跨类别越多、起诉败诉，分数越高。
// reason_zh: >-
//   {{ applicants | join_zh(3) }} 共申请商标 {{ n_marks }} 件（{{ window_days }} 天内最多 {{ n_window }} 件，{{ n_classes }} 个类别{% if spread %}，跨类别广{% endif %}）{% if n_copied %}，其中 {{ n_copied }} 件与他人在先商标近似{% endif %}{% if n_assignees %}，分散转让给 {{ n_assignees }} 个受让人{% endif %}{% if n_suits %}，并以近似商标起诉 {{ n_suits }} 案{% if n_lost %}（{{ n_lost }} 案败诉或撤诉）{% endif %}{% endif %}，疑为不以使用为目的的恶意申请
// reason_en: >-
//   {{ applicants | join_zh(3) }} filed {{ n_marks }} marks (up to {{ n_window }} within {{ window_days }} days, {{ n_classes }} classes){% if n_copied %},
//   {{ n_copied }} resembling others' earlier marks{% endif %}{% if n_assignees %}, transferred to {{ n_assignees }} assignees{% endif %}{% if n_suits %},
//   suing on them in {{ n_suits }} case(s){% if n_lost %} ({{ n_lost }} lost or withdrawn){% endif %}{% endif %}: possible bad-faith filing without intent to use
// prepare: similar_marks
// params:
//   window_days: {default: 365, doc: "filings within this many days count together", doc_zh: "此天数内的申请合并计算"}
//   min_marks: {default: 15, doc: "marks filed within the window for volume", doc_zh: "构成数量异常的窗口期内申请商标数"}
//   min_classes: {default: 5, doc: "distinct Nice classes within the window that raise the score (class spread; never a gate: bad faith under 商标法第四条 is volume without intent to use)", doc_zh: "窗口期内不同尼斯分类数达到此值时加分（跨类别广；不作为门槛：商标法第四条的恶意在于数量而无使用意图）"}
//   min_copied: {default: 2, doc: "marks similar to another applicant's earlier mark that, with volume, make a hit (a few look-alike marks alone are ordinary: trade names repeat)", doc_zh: "与他人在先商标近似、结合数量异常即构成命中的商标数（少量近似商标属正常：字号会重复）"}
//   own_name_chars: {default: 2, doc: "a mark whose first this many characters occur in its applicant's own name is built on the applicant's own 字号 and never counts as copying, however it resembles others' marks (trade names repeat); 0 turns this off", doc_zh: "商标前若干字出现在申请人自身名称中的，视为基于自身字号，不计为抄袭；0 表示关闭"}
//   min_assignees: {default: 3, doc: "distinct outside assignees that make transfers scattered", doc_zh: "构成分散转让的不同外部受让人数"}
//   max_degree: {default: 25, doc: "a shared identifier linked to more parties than this does not group applicants", doc_zh: "关联当事人超过此数的共同标识不用于申请人分组"}
//   case_level_links: {default: [same_agent, same_firm], doc: "LINKED kinds that come from one case (an agent or firm on both sides): not a tie between the parties, so they do not group", doc_zh: "来自同一案件的关联类型（双方同一代理人或律所）：不是当事人之间的关联，不据此分组"}
//   similarity_threshold: {default: 0.85, doc: "SIMILAR_TO edges computed at detect time keep pairs scoring at least this", doc_zh: "检测时计算的 SIMILAR_TO 近似关系保留得分不低于此值的商标对"}
//   similarity_max_marks: {default: 50000, doc: "bound on the marks compared for similarity (newest first)", doc_zh: "参与近似比较的商标数上限（按新到旧）"}
//   lost_outcomes: {default: [dismissed, withdrawn], doc: "outcomes of a squat-then-sue case that the filer lost or gave up (raise the score)", doc_zh: "以抢注商标起诉而败诉或放弃的裁判结果（加分）"}
//   min_score: {default: 0.6, doc: "hits scoring lower are dropped", doc_zh: "得分低于此值的命中不予保留"}
// ---
MATCH (x:Party) WHERE EXISTS { (x)-[:APPLIED_FOR]->(:Trademark) }
OPTIONAL MATCH (x)-[:LOCATED_AT|HAS_PHONE|HAS_EMAIL]->(i)<-[:LOCATED_AT|HAS_PHONE|HAS_EMAIL]-(y:Party)
WHERE NOT coalesce(i.generic, false) AND EXISTS { (y)-[:APPLIED_FOR]->(:Trademark) }
  AND COUNT { (i)<-[:LOCATED_AT|HAS_PHONE|HAS_EMAIL]-() } <= $max_degree
OPTIONAL MATCH (x)-[l:LINKED]-(z:Party) WHERE NOT l.via IN $case_level_links AND EXISTS { (z)-[:APPLIED_FOR]->(:Trademark) }
WITH x, [u IN collect(y.uid) + collect(z.uid) + [x.uid] WHERE u IS NOT NULL] AS group
WITH x, reduce(m = x.uid, u IN group | CASE WHEN u < m THEN u ELSE m END) AS anchor
MATCH (x)-[:APPLIED_FOR]->(t:Trademark) WHERE NOT coalesce(t.stub, false)
WITH anchor, collect(DISTINCT x) AS xs, collect(DISTINCT t) AS marks
WITH anchor, xs, marks, [m IN marks WHERE m.filed_on IS NOT NULL] AS dated
UNWIND CASE WHEN size(dated) = 0 THEN [null] ELSE dated END AS m0
WITH anchor, xs, marks, m0,
     [m IN dated WHERE m0 IS NOT NULL AND m.filed_on >= m0.filed_on AND duration.inDays(m0.filed_on, m.filed_on).days <= $window_days] AS win
WITH anchor, xs, marks, win,
     size(reduce(acc = [], m IN win | acc + [k IN coalesce(m.classes, []) WHERE NOT k IN acc])) AS n_classes
ORDER BY size(win) DESC
WITH anchor, xs, marks, head(collect({n: size(win), classes: n_classes, first: win[0].filed_on})) AS best
WITH anchor, xs, marks, best, [x IN xs | x.uid] AS uids
CALL (marks, uids) {
  UNWIND marks AS t
  WITH t, $own_name_chars > 0 AND size(coalesce(t.mark, '')) >= $own_name_chars
       AND EXISTS { MATCH (a:Party)-[:APPLIED_FOR]->(t) WHERE a.uid IN uids AND a.name CONTAINS left(t.mark, $own_name_chars) } AS own_name
  OPTIONAL MATCH (t)-[s:SIMILAR_TO]->(o:Trademark)
  WHERE NOT own_name AND NOT EXISTS { MATCH (q:Party)-[:APPLIED_FOR|OWNS]->(o) WHERE q.uid IN uids }
  WITH t, collect({o: o, s: s}) AS sims
  OPTIONAL MATCH (asg:Party)-[:ASSIGNED]->(t) WHERE NOT asg.uid IN uids
  WITH t, sims, collect(DISTINCT asg) AS asgs
  OPTIONAL MATCH (plaintiff:Party)-[:PARTY_TO {role: 'plaintiff'}]->(c:Case)-[:CONCERNS]->(t)
  WHERE plaintiff.uid IN uids AND size([v IN sims WHERE v.o IS NOT NULL]) > 0
  WITH t, sims, asgs, collect(DISTINCT c) AS suits
  RETURN collect({t: t, sims: [v IN sims WHERE v.o IS NOT NULL], asgs: asgs, suits: suits}) AS per_mark
}
WITH anchor, xs, marks, best, per_mark,
     [p IN per_mark WHERE size(p.sims) > 0] AS copied,
     reduce(acc = [], p IN per_mark | acc + [a IN p.asgs WHERE NOT a IN acc]) AS assignees,
     reduce(acc = [], p IN per_mark | acc + [c IN p.suits WHERE NOT c IN acc]) AS suits
WITH anchor, xs, marks, best, copied, assignees, suits, best.n >= $min_marks AS volume
WHERE volume AND (size(copied) >= $min_copied OR size(assignees) >= $min_assignees OR size(suits) > 0)
WITH xs, marks, best, copied, assignees, suits, volume, best.classes >= $min_classes AS spread,
     [c IN suits WHERE c.outcome IN $lost_outcomes] AS lost
WITH xs, marks, best, copied, assignees, suits, volume, spread, lost,
     0.3 + CASE WHEN volume THEN 0.15 ELSE 0.0 END + CASE WHEN size(copied) >= $min_copied THEN 0.3 ELSE 0.0 END
     + CASE WHEN size(assignees) >= $min_assignees THEN 0.15 ELSE 0.0 END + CASE WHEN size(suits) > 0 THEN 0.15 ELSE 0.0 END
     + CASE WHEN size(lost) > 0 THEN 0.05 ELSE 0.0 END + CASE WHEN spread THEN 0.1 ELSE 0.0 END AS s
RETURN [x IN xs | {label: 'Party', key: x.uid}] AS subjects,
  [p IN copied[..50] | {label: 'Trademark', key: p.t.reg_no, mark: p.t.mark, sources: p.t.sources, filed_on: toString(p.t.filed_on),
     similar_to: [v IN p.sims | {reg_no: v.o.reg_no, mark: v.o.mark, filed_on: toString(v.o.filed_on), score: v.s.score, method: v.s.method}]}]
  + [a IN assignees[..20] | {label: 'Party', key: a.uid, name: a.name, role: 'assignee'}]
  + [c IN suits[..20] | {label: 'Case', key: c.case_no, source: c.source, outcome: c.outcome}] AS evidence,
  CASE WHEN s > 1.0 THEN 1.0 ELSE s END AS score,
  {applicants: [x IN xs | x.name], n_marks: size(marks), window_days: $window_days, n_window: best.n,
   n_classes: best.classes, spread: spread, n_copied: size(copied), n_assignees: size(assignees),
   n_suits: size(suits), n_lost: size(lost)} AS reason
