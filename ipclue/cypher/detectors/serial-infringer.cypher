// ---
// id: serial-infringer
// title: 重复侵权（屡罚屡犯） / Repeat infringer after a judgment or penalty
// family: serial_infringement
// severity: medium
// version: 3
// legal_basis: 两高 侵犯知识产权刑事案件解释（三）(2020) 第八条 (因侵犯知识产权被行政处罚后再次侵犯知识产权的 从重); 最高人民法院关于审理侵害知识产权民事案件适用惩罚性赔偿的解释 (2021) 第四条 (被告因侵权被处罚或者被裁判承担责任后，再次实施相同或者类似侵权行为)
// description: 同一主体或受同一控制的主体在被判决承担侵权责任或受行政处罚之后，再次实施相同或类似侵权（同一权利或同一权利人的权利）。按侵权"次数"（episode）计，不按判决份数：就同一行为提起的多起诉讼、或在任何一案判决前已起诉的诉讼，算同一次。
// reason_zh: >-
//   {{ parties | join_zh(3) }} 于{{ first.on }}因{{ first.kind | enum }} {{ first.key }} 被认定侵权{% for v in later %}，{% if loop.first %}此后{% endif %}又因{{ v.kind | enum }} {{ v.key }}（{% if v.filed %}{{ v.act_on }}起诉，{% endif %}{{ v.on }}认定）再次侵权{% endfor %}，共 {{ episodes }} 次侵权，属重复侵权
// reason_en: >-
//   {{ parties | join_zh(3) }} were held liable in {{ first.kind | enum }} {{ first.key }} on {{ first.on }}{% for v in later %}, then again in
//   {{ v.kind | enum }} {{ v.key }} ({{ 'filed' if v.filed else 'around' }} {{ v.act_on }}, decided {{ v.on }}){% endfor %}: {{ episodes }} separate episodes of infringement
// params:
//   window_days: {default: 730, doc: "a repeat counts when decided within this many days of the earlier sanction", doc_zh: "较早制裁后此天数内作出的认定计为重复"}
//   min_episodes: {default: 2, doc: "separate episodes (an earlier sanction, then infringing again) that make a repeat infringer", doc_zh: "构成重复侵权的独立侵权次数（先受制裁、再次侵权）"}
//   min_gap_days: {default: 180, doc: "when a later suit's filing date is unknown, it counts as new conduct only if decided at least this many days after the earlier sanction (a suit filed before then is the same episode)", doc_zh: "后案起诉日期不详时，须在较早制裁后至少此天数作出认定才算新的侵权行为（此前起诉的视为同一次）"}
//   liable_roles: {default: [defendant, accused, accused_unit], doc: "roles of a party found liable", doc_zh: "被认定担责的当事人诉讼地位"}
//   liable_outcomes: {default: [upheld, partly_upheld, convicted], doc: "outcomes that find the defendant liable", doc_zh: "认定被告担责的裁判结果"}
//   same_holder: {default: true, doc: "count only events on the same right or on rights of the same holder as the earlier sanction (相同或者类似侵权行为, 2021 惩罚性赔偿解释 第四条); false counts any IP liability", doc_zh: "只计同一权利或与较早制裁同一权利人的权利上的事件（相同或者类似侵权行为，2021 惩罚性赔偿解释第四条）；关闭则计任何知识产权责任"}
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
WITH anchor, collect({e: e, on: e.decided_on, penalty: e:Penalty, xs: xs, rights: rights, holders: holders,
     act: CASE WHEN e:Penalty THEN e.decided_on ELSE e.filed_on END}) AS evs
// The longest chain of episodes: each next one is new conduct (filed, or for a penalty decided, after the
// previous sanction; filing unknown: decided min_gap_days later) on a related right, within the window.
UNWIND range(0, size(evs) - 1) AS i0
WITH anchor, evs, reduce(acc = [i0], j IN range(i0 + 1, size(evs) - 1) |
  CASE WHEN (NOT $same_holder OR any(r IN evs[j].rights WHERE r IN evs[last(acc)].rights)
             OR any(h IN evs[j].holders WHERE h IN evs[last(acc)].holders))
        AND duration.inDays(evs[last(acc)].on, evs[j].on).days <= $window_days
        AND CASE WHEN evs[j].act IS NOT NULL THEN evs[j].act > evs[last(acc)].on
                 ELSE duration.inDays(evs[last(acc)].on, evs[j].on).days >= $min_gap_days END
       THEN acc + j ELSE acc END) AS chain
WITH anchor, evs, chain ORDER BY size(chain) DESC
WITH anchor, evs, head(collect(chain)) AS chain
WHERE size(chain) >= $min_episodes
WITH anchor, evs, chain, any(i IN chain[..-1] WHERE evs[i].penalty) AS after_penalty,
     reduce(acc = [], v IN evs | acc + [p IN v.xs WHERE NOT p IN acc]) AS parties
WITH evs, chain, after_penalty, parties,
     0.45 + 0.15 * CASE WHEN size(chain) > 4 THEN 3 ELSE size(chain) - 1 END + CASE WHEN after_penalty THEN 0.1 ELSE 0.0 END AS s
RETURN [p IN parties | {label: 'Party', key: p.uid}] AS subjects,
  [k IN range(0, size(evs) - 1) | {label: CASE WHEN evs[k].penalty THEN 'Penalty' ELSE 'Case' END,
    key: coalesce(evs[k].e.decision_no, evs[k].e.case_no), source: evs[k].e.source, sections: evs[k].e.sections,
    decided_on: toString(evs[k].on), filed_on: toString(evs[k].e.filed_on), outcome: evs[k].e.outcome,
    role: CASE WHEN k = chain[0] THEN 'earlier_sanction' WHEN k IN chain THEN 'later_conduct' ELSE 'same_episode' END,
    parties: [p IN evs[k].xs | p.uid]}] AS evidence,
  CASE WHEN s > 1.0 THEN 1.0 ELSE s END AS score,
  {parties: [p IN parties | p.name], episodes: size(chain),
   first: {kind: CASE WHEN evs[chain[0]].penalty THEN 'penalty' ELSE 'judgment' END,
           key: coalesce(evs[chain[0]].e.decision_no, evs[chain[0]].e.case_no), on: toString(evs[chain[0]].on)},
   later: [i IN chain[1..] | {kind: CASE WHEN evs[i].penalty THEN 'penalty' ELSE 'judgment' END,
           key: coalesce(evs[i].e.decision_no, evs[i].e.case_no), on: toString(evs[i].on),
           filed: evs[i].e.filed_on IS NOT NULL, act_on: toString(coalesce(evs[i].act, evs[i].on))}]} AS reason
