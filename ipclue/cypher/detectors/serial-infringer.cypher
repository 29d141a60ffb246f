// ---
// id: serial-infringer
// title: 反复侵权 / Serial infringer
// family: serial_infringement
// severity: medium
// version: 2
// legal_basis: 两高 侵犯知识产权刑事案件解释（三）(2020) 第八条 (因侵犯知识产权被行政处罚后再次侵犯知识产权的 从重); 最高人民法院关于审理侵害知识产权民事案件适用惩罚性赔偿的解释 (2021) 第四条
// description: 同一主体或受同一控制的主体在时间窗内被多次判令承担侵权责任或受行政处罚，或在行政处罚后再次实施相同或类似侵权（同一权利或同一权利人的权利）。
// params:
//   window_days: {default: 730, doc: "events within this many days count as repeated", doc_zh: "此天数内的事件计为重复"}
//   min_events: {default: 3, doc: "liability events within the window that make a serial infringer", doc_zh: "窗口期内构成屡犯的担责事件数"}
//   liable_roles: {default: [defendant, accused, accused_unit], doc: "roles of a party found liable", doc_zh: "被认定担责的当事人诉讼地位"}
//   liable_outcomes: {default: [upheld, partly_upheld, convicted], doc: "outcomes that find the defendant liable", doc_zh: "认定被告担责的裁判结果"}
//   same_holder: {default: true, doc: "count only events on the same right or on rights of the same holder as the first event of the window (相同或者类似侵权行为, 2021 惩罚性赔偿解释 第四条); false counts any IP liability", doc_zh: "只计同一权利或与窗口期首个事件同一权利人的权利上的事件（相同或者类似侵权行为，2021 惩罚性赔偿解释第四条）；关闭则计任何知识产权责任"}
//   max_rep_degree: {default: 5, doc: "a person and the organisations they represent (法定代表人 / 经营者) form one group, unless either side has more legal-representative ties than this", doc_zh: "自然人与其担任法定代表人/经营者的单位视为一组，除非任何一方的法定代表人关系多于此数"}
//   case_level_links: {default: [same_agent, same_firm], doc: "LINKED kinds that come from one case (an agent or firm on both sides): not a tie between the parties, so they do not group", doc_zh: "来自同一案件的关联类型（双方同一代理人或律所）：不是当事人之间的关联，不据此分组"}
//   control_pct: {default: 50, doc: "an organisation holding at least this share controls the company (group under common control)", doc_zh: "持股达到此比例的单位控制该公司（同一控制下的集团）"}
//   min_score: {default: 0.0, doc: "hits scoring lower are dropped", doc_zh: "得分低于此值的命中不予保留"}
// ---
MATCH (x:Party)-[r:PENALISED_IN|PARTY_TO]->(e)
WHERE e.decided_on IS NOT NULL AND NOT coalesce(e.stub, false)
  AND (type(r) = 'PENALISED_IN'
       OR (r.role IN $liable_roles AND e.outcome IN $liable_outcomes AND coalesce(e.instance, 'first') <> 'second'))
WITH DISTINCT x, e
OPTIONAL MATCH (x)-[:BRANCH_OF]->(parent:Party)
OPTIONAL MATCH (owner:Party {kind: 'org'})-[sh:SHAREHOLDER_OF]->(x) WHERE coalesce(sh.pct, 0) >= $control_pct
OPTIONAL MATCH (x)-[l:LINKED]-(peer:Party) WHERE NOT l.via IN $case_level_links
OPTIONAL MATCH (x)-[:LEGAL_REP_OF]-(ctl:Party) WHERE COUNT { (ctl)-[:LEGAL_REP_OF]-() } <= $max_rep_degree
WITH x, e, [u IN collect(parent.uid) + collect(owner.uid) + collect(peer.uid) + collect(ctl.uid) + [x.uid] WHERE u IS NOT NULL] AS group
WITH x, e, reduce(m = x.uid, u IN group | CASE WHEN u < m THEN u ELSE m END) AS anchor
WITH anchor, e, collect(DISTINCT x) AS xs ORDER BY e.decided_on
WITH anchor, e, xs, [(e)-[:CONCERNS]->(r) | elementId(r)] AS rights,
     [(e)-[:CONCERNS]->()<-[:OWNS|APPLIED_FOR]-(h:Party) | h.uid] + [(h:Party)-[:PARTY_TO {role: 'plaintiff'}]->(e) | h.uid] AS holders
WITH anchor, collect({e: e, on: e.decided_on, penalty: e:Penalty, xs: xs, rights: rights, holders: holders}) AS evs
WITH anchor, evs, [v IN evs | v.on] AS ds
WITH anchor, evs,
     reduce(best = 0, i IN range(0, size(ds) - 1) |
       CASE WHEN size([j IN range(i, size(ds) - 1) WHERE duration.inDays(ds[i], ds[j]).days <= $window_days
                 AND (NOT $same_holder OR j = i OR any(r IN evs[j].rights WHERE r IN evs[i].rights)
                      OR any(h IN evs[j].holders WHERE h IN evs[i].holders))]) > best
            THEN size([j IN range(i, size(ds) - 1) WHERE duration.inDays(ds[i], ds[j]).days <= $window_days
                 AND (NOT $same_holder OR j = i OR any(r IN evs[j].rights WHERE r IN evs[i].rights)
                      OR any(h IN evs[j].holders WHERE h IN evs[i].holders))]) ELSE best END) AS n_window,
     any(i IN range(0, size(ds) - 1) WHERE evs[i].penalty AND
       any(j IN range(i + 1, size(ds) - 1) WHERE ds[j] > ds[i] AND duration.inDays(ds[i], ds[j]).days <= $window_days
         AND (any(r IN evs[j].rights WHERE r IN evs[i].rights) OR any(h IN evs[j].holders WHERE h IN evs[i].holders)))) AS escalation
WHERE n_window >= $min_events OR (escalation AND size(evs) >= 2)
WITH anchor, evs, n_window, escalation,
     0.35 + 0.1 * CASE WHEN n_window > 5 THEN 5 ELSE n_window END + CASE WHEN escalation THEN 0.2 ELSE 0.0 END AS s
WITH anchor, evs, n_window, escalation, s,
     reduce(acc = [], v IN evs | acc + [p IN v.xs WHERE NOT p IN acc]) AS parties
RETURN [p IN parties | {label: 'Party', key: p.uid}] AS subjects,
  [v IN evs | {label: CASE WHEN v.penalty THEN 'Penalty' ELSE 'Case' END, key: coalesce(v.e.decision_no, v.e.case_no),
    source: v.e.source, sections: v.e.sections, decided_on: toString(v.on), outcome: v.e.outcome,
    parties: [p IN v.xs | p.uid]}] AS evidence,
  CASE WHEN s > 1.0 THEN 1.0 ELSE s END AS score,
  reduce(t = '', p IN parties | t + CASE WHEN t = '' THEN '' ELSE '、' END + p.name)
    + ' 共 ' + toString(size(evs)) + ' 次被判侵权或受处罚（' + toString($window_days) + ' 天内最多 ' + toString(n_window) + ' 次）'
    + CASE WHEN escalation THEN '，且在行政处罚后再次侵权' ELSE '' END + ' / serial infringer' AS reason
