// ---
// id: bulk-enforcement
// title: 批量维权诉讼（供审查，非指控） / Bulk enforcement litigation (for review, not accusation)
// family: bulk_enforcement
// severity: low
// version: 4
// legal_basis: 最高人民法院关于知识产权侵权诉讼中被告以原告滥用权利为由请求赔偿合理开支问题的批复 (法释〔2021〕11号); 民事诉讼法 (2023) 第十三条 (诚信原则)
// description: 同一原告在短期内就同一权利（同一商标文字的各类别注册视为同一权利）起诉大量互不相关的小微被告（同一总公司的分支机构算一个被告；针对同一被告集团的系列诉讼归 split-suits），且撤诉/调解比例高；仅供审查，不构成指控。
// reason_zh: "{{ party }} 在 {{ window_days }} 天内就 {{ right }} 起诉 {{ n_defendants }} 个互不相关的小微被告，撤诉/调解占 {{ share | pct }}（供审查，非指控）"
// reason_en: "{{ party }} sued {{ n_defendants }} unrelated small defendants on {{ right }} within {{ window_days }} days, {{ share | pct }} withdrawn or mediated (for review, not an accusation)"
// params:
//   window_days: {default: 365, doc: "the suits fall within this many days", doc_zh: "这些诉讼发生在此天数之内"}
//   min_defendants: {default: 8, doc: "distinct defendants sued on the same right within the window", doc_zh: "窗口期内就同一权利起诉的不同被告数下限"}
//   min_settle_share: {default: 0.6, doc: "share of those cases withdrawn or mediated", doc_zh: "其中撤诉或调解结案的案件占比下限"}
//   settle_outcomes: {default: [withdrawn, mediated], doc: "outcomes counted as withdrawal or settlement", doc_zh: "计为撤诉或调解的裁判结果"}
//   small_name_pattern: {default: ".*(商行|电器行|车行|琴行|商店|经营部|便利店|超市|门市部|批发部|小卖部|个体|店)$", doc: "an organisation named like this is a small trader (persons are small too)", doc_zh: "名称符合此正则的单位视为小商户（自然人亦视为小商户）"}
//   same_mark_text: {default: true, doc: "registrations of the same mark text (one brand in several Nice classes) count as one right", doc_zh: "同一商标文字的多个注册（同一品牌跨多个尼斯分类）计为一项权利"}
//   min_score: {default: 0.0, doc: "hits scoring lower are dropped", doc_zh: "得分低于此值的命中不予保留"}
// ---
MATCH (p:Party)-[:PARTY_TO {role: 'plaintiff'}]->(c:Case)-[:CONCERNS]->(r)
WHERE c.decided_on IS NOT NULL AND coalesce(c.division, 'civil') = 'civil'
MATCH (d:Party)-[:PARTY_TO {role: 'defendant'}]->(c)
WHERE d.kind = 'person' OR d.name =~ $small_name_pattern
// Branches of one head office (BRANCH_OF, or a co-defendant's name + a suffix) are one defendant: a series
// against one group is split-suits' hit, never this one's.
OPTIONAL MATCH (d)-[:BRANCH_OF]->(hb:Party)
OPTIONAL MATCH (c)<-[:PARTY_TO]-(hn:Party {kind: 'org'}) WHERE hn <> d AND size(hn.name) >= 4 AND d.name STARTS WITH hn.name
WITH p, c, r, d, coalesce(hb, hn, d) AS head
WITH p, c, CASE WHEN r:Trademark AND $same_mark_text AND r.mark IS NOT NULL THEN 'tm:' + r.mark ELSE elementId(r) END AS key,
     collect(DISTINCT r) AS rs, collect(DISTINCT head) AS ds ORDER BY c.decided_on
WITH p, key, collect({c: c, ds: ds}) AS suits, reduce(acc = [], x IN collect(rs) | acc + [y IN x WHERE NOT y IN acc]) AS rs
WITH p, key, rs, suits, [s IN suits | s.c.decided_on] AS dates
UNWIND range(0, size(suits) - 1) AS i
WITH p, key, rs, suits, i, [k IN range(i, size(suits) - 1) WHERE duration.inDays(dates[i], dates[k]).days <= $window_days] AS idx
WITH p, key, rs, [k IN idx | suits[k]] AS win
WITH p, key, rs, win, reduce(acc = [], s IN win | acc + [d IN s.ds WHERE NOT d IN acc]) AS defendants
WHERE size(defendants) >= $min_defendants
WITH p, key, rs, win, defendants, toFloat(size([s IN win WHERE s.c.outcome IN $settle_outcomes])) / size(win) AS share
WHERE share >= $min_settle_share
WITH p, key, rs, win, defendants, share ORDER BY size(defendants) DESC
WITH p, key, rs, head(collect({win: win, defendants: defendants, share: share})) AS best
WITH p, collect({r: rs[0], rs: rs, best: best}) AS rights
WITH p, rights, reduce(m = rights[0], x IN rights | CASE WHEN size(x.best.defendants) > size(m.best.defendants) THEN x ELSE m END) AS top
RETURN [{label: 'Party', key: p.uid}] + reduce(acc = [], x IN rights | acc + [r IN x.rs | {label: CASE WHEN r:Trademark THEN 'Trademark' ELSE 'Patent' END,
          key: coalesce(r.reg_no, r.number)}]) AS subjects,
  [s IN top.best.win | {label: 'Case', key: s.c.case_no, source: s.c.source, outcome: s.c.outcome,
     decided_on: toString(s.c.decided_on), defendants: [d IN s.ds | d.uid]}] AS evidence,
  0.4 + 0.3 * top.best.share + CASE WHEN size(top.best.defendants) >= 2 * $min_defendants THEN 0.2 ELSE 0.1 END AS score,
  {party: p.name, window_days: $window_days, right: coalesce(top.r.mark, top.r.title, top.r.reg_no, top.r.number),
   n_defendants: size(top.best.defendants), share: top.best.share} AS reason
