// ---
// id: split-suits
// title: 拆分诉讼 / 批量诉讼同一被告集团 / Split suits against one defendant group
// family: bulk_enforcement
// severity: medium
// version: 1
// legal_basis: 民事诉讼法 (2023) 第十三条 (诚信原则)、第一百一十五条; 民法典 第一百三十二条 (不得滥用民事权利); 最高人民法院关于知识产权侵权诉讼中被告以原告滥用权利为由请求赔偿合理开支问题的批复 (法释〔2021〕11号); 最高人民法院 (2017) 最高法民再 (指南针、中唯诉优衣库系列案：恶意取得、行使商标权不受保护)
// description: 同一原告（或共同起诉的原告）就同一权利在短期内于多个法院分别起诉同一被告集团（总公司及其分支机构：BRANCH_OF 或“总公司名称 + 分公司/分店/店”；受同一股东控制、同一法定代表人或法定代表人同名（非匿名全名）的公司），按起诉前新受让权利、诉请远高于判赔、上诉被驳回加分；与 bulk-enforcement（大量互不相关的小微被告）互不重复。
// reason_zh: >-
//   {{ plaintiffs | join_zh }} 就商标/专利 {{ rights | join_zh(4) }} 在{{ n_courts }}个法院分别起诉{{ group | join_zh(4) }}（同一被告集团）{{ n_suits }}案（{{ first }} 至 {{ last }}）{% if transferred %}，权利于起诉前不久受让{% endif %}{% if claimed %}，诉请共{{ claimed | yuan }}而判赔{{ awarded | yuan }}{% endif %}{% if dismissed %}，上诉被驳回{{ dismissed }}案{% endif %}，疑为拆分诉讼（供审查，非指控）
// reason_en: >-
//   {{ plaintiffs | join_zh }} sued {{ group | join_zh(4) }} (one defendant group) in {{ n_suits }} separate suits in {{ n_courts }} courts
//   ({{ first }} to {{ last }}) on {{ rights | join_zh(4) }}{% if transferred %}, rights acquired by transfer shortly before{% endif %}{% if claimed %},
//   claiming {{ claimed | yuan }} against {{ awarded | yuan }} awarded{% endif %}{% if dismissed %}, {{ dismissed }} appeal(s) dismissed{% endif %}: possible split litigation, for review
// params:
//   min_suits: {default: 3, doc: "separate suits (a first instance and its appeals are one suit) against the group on one right", doc_zh: "针对同一集团、同一权利的独立诉讼数（一审及其上诉算一起）"}
//   min_courts: {default: 2, doc: "distinct courts the suits were brought in (or heard on appeal)", doc_zh: "起诉（或上诉审理）的不同法院数"}
//   window_days: {default: 730, doc: "the suits were filed (else decided) within this many days", doc_zh: "诉讼在此天数内起诉（起诉日期不详时按判决日期）"}
//   plaintiff_side: {default: ".*(原审原告|一审原告|原告).*", doc: "role text of a party on the plaintiff's side in an appeal or retrial", doc_zh: "上诉或再审中原告一方当事人的诉讼地位文字"}
//   defendant_side: {default: ".*(原审被告|一审被告|被告).*", doc: "role text of a party on the defendant's side in an appeal or retrial", doc_zh: "上诉或再审中被告一方当事人的诉讼地位文字"}
//   branch_suffix: {default: ".*(分公司|分店|分厂|分部|办事处|营业部|门店|专卖店|店|商场|分行|分所)$", doc: "a defendant whose name is a co-party's name plus this suffix is that head office's branch (when no registry record or BRANCH_OF says so)", doc_zh: "名称为另一当事人名称加此类后缀的被告视为该总公司的分支机构（无登记记录或 BRANCH_OF 时）"}
//   control_pct: {default: 50, doc: "an organisation holding at least this share controls the company (group under one shareholder)", doc_zh: "持股达到此比例的单位控制该公司（同一股东下的集团）"}
//   group_links: {default: [legal_rep], doc: "LINKED kinds that join companies into one group (one legal representative)", doc_zh: "将公司归入同一集团的关联类型（同一法定代表人）"}
//   same_rep_name: {default: true, doc: "companies whose legal representatives bear one full, non-anonymised name are one group (a grouping tie only: the persons are never merged)", doc_zh: "法定代表人为同一完整、非匿名姓名的公司视为同一集团（仅用于分组，不合并自然人）"}
//   rep_name_min_chars: {default: 3, doc: "a legal representative's name needs this many characters to group companies by name", doc_zh: "按法定代表人姓名分组所需的最少字数"}
//   case_level_links: {default: [same_agent, same_firm], doc: "LINKED kinds from one case (an agent or firm on both sides): never a group tie", doc_zh: "来自同一案件的关联类型（双方同一代理人或律所）：不作为集团关联"}
//   recent_right_days: {default: 365, doc: "a right assigned to a plaintiff this many days or fewer before the first suit raises the score", doc_zh: "在首起诉讼前此天数内受让给原告的权利加分"}
//   claim_ratio: {default: 5.0, doc: "claims at least this many times the awards (nothing awarded counts as 0) raise the score", doc_zh: "诉请金额达到判赔金额此倍数以上（未判赔按0计）加分"}
//   min_score: {default: 0.0, doc: "hits scoring lower are dropped", doc_zh: "得分低于此值的命中不予保留"}
// ---
MATCH (pp:Party)-[rp:PARTY_TO]->(c:Case)<-[rd:PARTY_TO]-(d:Party)
WHERE coalesce(c.division, 'civil') = 'civil' AND NOT coalesce(c.stub, false) AND pp <> d
  AND (rp.role = 'plaintiff' OR (rp.role <> 'defendant' AND coalesce(rp.role_text, '') =~ $plaintiff_side AND NOT coalesce(rp.role_text, '') =~ $defendant_side))
  AND (rd.role = 'defendant' OR (rd.role <> 'plaintiff' AND coalesce(rd.role_text, '') =~ $defendant_side))
// The plaintiff's side: co-plaintiffs in any case and non-case-level links; anchored on the least uid.
CALL (pp) {
  OPTIONAL MATCH (pp)-[r1:PARTY_TO]->(:Case)<-[r2:PARTY_TO]-(co:Party) WHERE r1.role = r2.role AND r1.role IN ['plaintiff', 'appellant', 'retrial_applicant']
  OPTIONAL MATCH (pp)-[l:LINKED]-(peer:Party) WHERE NOT l.via IN $case_level_links
  WITH pp, collect(DISTINCT co.uid) + collect(DISTINCT peer.uid) AS linked
  WITH [u IN linked + [pp.uid] WHERE u IS NOT NULL] AS us
  RETURN reduce(m = us[0], u IN us | CASE WHEN u < m THEN u ELSE m END) AS pa
}
// The defendant's group: its head office (BRANCH_OF, or name + branch suffix), and the companies the head is
// tied to by a controlling shareholder or a group link; anchored on the least uid (the branch itself excluded).
CALL (d) {
  OPTIONAL MATCH (d)-[:BRANCH_OF]->(hb:Party)
  CALL (d) {
    WITH d WHERE d.name =~ $branch_suffix
    MATCH (d)-[:PARTY_TO]->(:Case)<-[:PARTY_TO]-(hn:Party {kind: 'org'})
    WHERE size(hn.name) >= 4 AND hn <> d AND d.name STARTS WITH hn.name AND NOT hn.name =~ $branch_suffix
    RETURN collect(hn) AS hns
  }
  WITH d, hns, collect(DISTINCT hb) AS hbs
  WITH d, [h IN hbs + hns WHERE h IS NOT NULL] AS heads
  WITH d, CASE WHEN size(heads) = 0 THEN [d] ELSE heads END AS tops
  UNWIND tops AS t
  OPTIONAL MATCH (o:Party {kind: 'org'})-[sh:SHAREHOLDER_OF]->(t) WHERE coalesce(sh.pct, 0) >= $control_pct
  OPTIONAL MATCH (o)-[sh2:SHAREHOLDER_OF]->(sib:Party) WHERE coalesce(sh2.pct, 0) >= $control_pct
  OPTIONAL MATCH (t)-[l:LINKED]-(peer:Party {kind: 'org'}) WHERE l.via IN $group_links
  CALL (t) {
    OPTIONAL MATCH (t)<-[:LEGAL_REP_OF]-(rep:Party {kind: 'person'})
    WITH rep WHERE $same_rep_name AND size(rep.name) >= $rep_name_min_chars AND NOT rep.name =~ '.*[某×*＊].*'
    MATCH (namesake:Party {name_key: rep.name_key})-[:LEGAL_REP_OF]->(twin:Party {kind: 'org'})
    WHERE namesake.kind = 'person' AND namesake.name = rep.name AND twin <> t
    RETURN collect(DISTINCT twin.uid) AS twins
  }
  WITH tops, collect(DISTINCT o.uid) + collect(DISTINCT sib.uid) + collect(DISTINCT peer.uid) AS linked, collect(twins) AS twins
  WITH tops, linked + reduce(a = [], x IN twins | a + x) AS linked
  WITH tops, [u IN linked WHERE u IS NOT NULL] + [t IN tops | t.uid] AS us
  RETURN reduce(m = us[0], u IN us | CASE WHEN u < m THEN u ELSE m END) AS da, tops
}
WITH pa, da, c, collect(DISTINCT pp) AS ps, collect(DISTINCT d) + reduce(a = [], t IN collect(tops) | a + t) AS ds
WHERE pa <> da
// One suit = a first instance and its appeals: an appeal is keyed by the civil case it appeals from.
OPTIONAL MATCH (c)-[:APPEAL_OF]->(root:Case) WHERE c.instance IN ['second', 'retrial'] AND root.case_no CONTAINS '民'
WITH pa, da, c, ps, ds, coalesce(min(root.case_no), c.case_no) AS suit
WITH pa, da, suit, c, ps, ds, [(c)-[:CONCERNS]->(r) | coalesce(r.reg_no, r.number)] AS rights,
     EXISTS { MATCH (p2:Party)-[r2:PARTY_TO]->(c) WHERE p2 IN ps AND r2.role = 'appellant' } AND c.outcome = 'dismissed' AS lost_appeal
WITH pa, da, suit, collect(c) AS cases, reduce(a = [], x IN collect(ps) | a + [p IN x WHERE NOT p IN a]) AS ps,
     reduce(a = [], x IN collect(ds) | a + [p IN x WHERE NOT p IN a]) AS ds,
     reduce(a = [], x IN collect(rights) | a + [r IN x WHERE NOT r IN a]) AS rights, any(x IN collect(lost_appeal) WHERE x) AS lost
WITH pa, da, suit, cases, ps, ds, rights, lost,
     reduce(m = null, x IN cases | CASE WHEN m IS NULL OR coalesce(x.filed_on, x.decided_on) < m THEN coalesce(x.filed_on, x.decided_on) ELSE m END) AS on
WHERE size(rights) > 0
WITH pa, da, collect({suit: suit, cases: cases, ps: ps, ds: ds, rights: rights, lost: lost, on: on}) AS suits
WHERE size(suits) >= $min_suits
// The right most of the suits are on; keep the suits on it.
UNWIND reduce(a = [], s IN suits | a + [r IN s.rights WHERE NOT r IN a]) AS r
WITH pa, da, suits, r, size([s IN suits WHERE r IN s.rights]) AS n ORDER BY n DESC, r
WITH pa, da, suits, collect(r)[0] AS core
WITH pa, da, [s IN suits WHERE core IN s.rights] AS suits
WITH pa, da, suits, [s IN suits WHERE s.on IS NOT NULL | s.on] AS dates
WHERE size(suits) >= $min_suits
  AND (size(dates) < 2 OR duration.inDays(reduce(m = dates[0], x IN dates | CASE WHEN x < m THEN x ELSE m END),
                                           reduce(m = dates[0], x IN dates | CASE WHEN x > m THEN x ELSE m END)).days <= $window_days)
WITH pa, da, suits, dates, reduce(a = [], s IN suits | a + [c IN s.cases WHERE NOT c.court IN a | c.court]) AS courts,
     reduce(a = [], s IN suits | a + [p IN s.ps WHERE NOT p IN a]) AS ps,
     reduce(a = [], s IN suits | reduce(b = a, p IN s.ds | CASE WHEN p IN b THEN b ELSE b + p END)) AS ds,
     reduce(a = [], s IN suits | a + [c IN s.cases WHERE NOT c IN a]) AS cases
WHERE size(courts) >= $min_courts
WITH pa, da, suits, dates, courts, ps, ds, cases,
     [r IN reduce(a = [], s IN suits | a + [r IN s.rights WHERE NOT r IN a]) WHERE size([s IN suits WHERE r IN s.rights]) >= 2] AS shared,
     reduce(m = null, x IN dates | CASE WHEN m IS NULL OR x < m THEN x ELSE m END) AS first,
     reduce(m = null, x IN dates | CASE WHEN m IS NULL OR x > m THEN x ELSE m END) AS last,
     reduce(t = 0.0, c IN cases | t + CASE WHEN c.instance = 'first' THEN coalesce(c.claimed, 0) ELSE 0 END) AS claimed,
     reduce(t = 0.0, c IN cases | t + coalesce(c.awarded, 0)) AS awarded,
     size([s IN suits WHERE s.lost]) AS dismissed
WITH suits, courts, ps, ds, cases, shared, first, last, claimed, awarded, dismissed,
     EXISTS { MATCH (p:Party)-[t:ASSIGNED]->(r) WHERE p IN ps AND coalesce(r.reg_no, r.number) IN shared AND t.on IS NOT NULL
              AND first IS NOT NULL AND t.on <= first AND duration.inDays(t.on, first).days <= $recent_right_days } AS transferred,
     claimed > 0 AND claimed >= $claim_ratio * awarded AS overclaimed
WITH suits, courts, ps, ds, cases, shared, first, last, claimed, awarded, dismissed, transferred, overclaimed,
     0.5 + 0.05 * CASE WHEN size(suits) - $min_suits > 4 THEN 4 ELSE size(suits) - $min_suits END
       + CASE WHEN transferred THEN 0.15 ELSE 0.0 END + CASE WHEN overclaimed THEN 0.1 ELSE 0.0 END
       + CASE WHEN dismissed > 0 THEN 0.1 ELSE 0.0 END AS s
RETURN [p IN ps | {label: 'Party', key: p.uid}] + [p IN ds | {label: 'Party', key: p.uid}] AS subjects,
  [c IN cases | {label: 'Case', key: c.case_no, source: c.source, court: c.court, instance: c.instance, outcome: c.outcome,
     filed_on: toString(c.filed_on), decided_on: toString(c.decided_on), claimed: c.claimed, awarded: c.awarded,
     suit: [s IN suits WHERE c IN s.cases][0].suit, defendants: [(p:Party)-[r:PARTY_TO]->(c) WHERE p IN ds | p.uid]}] AS evidence,
  CASE WHEN s > 1.0 THEN 1.0 ELSE s END AS score,
  {plaintiffs: reduce(a = [], p IN ps | CASE WHEN p.name IN a THEN a ELSE a + p.name END),
   group: reduce(a = [], p IN ds | CASE WHEN p.name IN a THEN a ELSE a + p.name END), rights: shared, n_suits: size(suits), n_courts: size(courts),
   first: toString(first), last: toString(last), transferred: transferred,
   claimed: CASE WHEN overclaimed THEN claimed ELSE null END, awarded: awarded, dismissed: dismissed} AS reason
