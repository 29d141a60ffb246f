// ---
// id: false-litigation-ring
// title: 关联主体互诉团伙 / Ring of linked parties litigating among themselves
// family: false_litigation
// severity: high
// version: 4
// legal_basis: 最高人民法院 最高人民检察院关于办理虚假诉讼刑事案件适用法律若干问题的解释 (2018) 第一条、第二条; 民事诉讼法 (2023) 第一百一十五条
// description: 关联主体之间反复诉讼（连通分量：共同当事人，或共同的地址、电话、邮箱、法定代表人、股东、高管），按调解/撤诉比例、缺席或不抗辩、共同代理人、诉请金额、起诉前新取得权利评分。
// analytics: components
// reason_zh: >-
//   {{ n_parties }} 个关联主体之间共 {{ n_cases }} 起可疑诉讼：
//   {%- for c in cases[:5] %}{% if not loop.first %}；{% endif %}{{ c.case_no }}：{{ c.plaintiff }} 诉 {{ c.defendant }}
//   {%- if c.passive %}，{{ c.outcome | outcome(c.instance) }}结案{% endif %}{% if c.absent %}，被告缺席{% endif %}
//   {%- if c.same_agent %}，同一代理人{% endif %}{% if c.fresh_right %}，起诉前新取得权利{% endif %}
//   {%- if c.claimed %}，诉请 {{ c.claimed | yuan }}{% endif %}{% endfor %}
//   {%- if n_cases > 5 %}；等 {{ n_cases }} 起{% endif %}
// reason_en: >-
//   {{ n_cases }} suspicious suits among {{ n_parties }} linked parties:
//   {%- for c in cases[:5] %}{% if not loop.first %};{% endif %} {{ c.case_no }}: {{ c.plaintiff }} v. {{ c.defendant }}
//   {%- if c.passive %}, {{ c.outcome | outcome(c.instance) }}{% endif %}{% if c.absent %}, defendant absent{% endif %}
//   {%- if c.same_agent %}, one agent for both{% endif %}{% if c.fresh_right %}, right obtained shortly before suing{% endif %}
//   {%- if c.claimed %}, claim {{ c.claimed | yuan }}{% endif %}{% endfor %}
//   {%- if n_cases > 5 %}; {{ n_cases }} in all{% endif %}
// params:
//   max_hops: {default: 2, doc: "link hops between the two parties of a case (at most 3)", doc_zh: "同一案件双方当事人之间的关联跳数（最多 3）", min: 1, max: 3}
//   max_degree: {default: 25, doc: "an identifier or person linked to more parties than this is treated as generic", doc_zh: "关联当事人超过此数的标识或人员视为通用，不作关联", min: 1}
//   opposed_roles: {default: [[plaintiff, defendant], [appellant, appellee], [retrial_applicant, retrial_respondent]], doc: "role pairs that oppose each other", doc_zh: "同一案件中相互对立的诉讼地位组合", choices: [plaintiff, defendant, third_party, appellant, appellee, retrial_applicant, retrial_respondent, original_party]}
//   passive_outcomes: {default: [mediated, withdrawn], doc: "quick outcomes without a contest", doc_zh: "未经实质对抗即结案的裁判结果", choices: [upheld, partly_upheld, dismissed, withdrawn, mediated, reversed, other]}
//   large_claim: {default: 1000000, doc: "a claim (yuan) at or above this adds to the score", doc_zh: "诉请金额（元）达到此值时加分", min: 0}
//   recent_right_days: {default: 365, doc: "a right registered or assigned this many days or fewer before the decision counts as obtained shortly before suing", doc_zh: "权利在裁判前此天数内注册或受让的，视为起诉前新取得", min: 0}
//   case_level_links: {default: [same_agent, same_firm], doc: "LINKED kinds that come from the case itself (one agent or firm on both sides); a signal of that case, not a link between the parties", doc_zh: "来自案件本身的关联类型（双方同一代理人或律所）：属该案信号，不作当事人之间的关联", choices: [same_agent, same_firm, legal_rep, shared_address, shared_phone, shared_email]}
//   agent_alone: {default: false, doc: "a shared agent with no party link is enough to join a ring", doc_zh: "仅有共同代理人、无当事人关联时也可并入团伙"}
//   max_edges: {default: 20000, doc: "bound on the case edges pulled into networkx", doc_zh: "送入 networkx 的案件边数上限", min: 1, max: 1000000}
//   min_component_rows: {default: 2, doc: "a ring needs at least this many cases", doc_zh: "一个团伙至少包含的案件数", min: 1}
//   min_score: {default: 0.55, doc: "rings scoring lower are dropped", doc_zh: "得分低于此值的团伙不予保留", min: 0, max: 1}
//   possible_penalty: {default: 0.1, doc: "score taken off a case whose link goes through a possible match (POSSIBLY_SAME: two person parties that may be one person, not merged)", doc_zh: "关联路径经过可能同一人（POSSIBLY_SAME：可能为同一人但未合并的两个自然人）的案件扣减的分数", min: 0, max: 1}
// ---
MATCH (a:Party)-[ra:PARTY_TO]->(c:Case)<-[rb:PARTY_TO]-(b:Party)
WHERE [ra.role, rb.role] IN $opposed_roles AND a <> b AND coalesce(c.division, 'civil') = 'civil'
// one agent on both sides, found by the case number (index represented_by_case), not by walking a's
// or b's own REPRESENTED_BY edges, which a rights holder has thousands of; a2/b2 rebind a and b so
// that the hint applies
OPTIONAL MATCH (a2:Party)-[r1:REPRESENTED_BY]->(ag:Party)<-[r2:REPRESENTED_BY]-(b2:Party)
USING INDEX SEEK r1:REPRESENTED_BY(case_no)
WHERE r1.case_no = c.case_no AND r2.case_no = c.case_no AND a2 = a AND b2 = b
WITH a, b, c, count(DISTINCT ag) AS n_agents
OPTIONAL MATCH p = SHORTEST 1 (a) (()-[l:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|BRANCH_OF|LOCATED_AT|HAS_PHONE|HAS_EMAIL|LINKED|POSSIBLY_SAME]-(n)
    WHERE NOT coalesce(n.generic, false) AND NOT n:Case AND NOT coalesce(l.via, '') IN $case_level_links
      AND COUNT { (n)-[:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|LOCATED_AT|HAS_PHONE|HAS_EMAIL]-() } <= $max_degree){1,6} (b)
WITH a, b, c, n_agents, p WHERE (p IS NOT NULL AND length(p) <= 2 * $max_hops) OR ($agent_alone AND n_agents > 0)
WITH a, b, c, n_agents, p LIMIT $max_edges
OPTIONAL MATCH (c)-[:CONCERNS]->(r)
WHERE c.decided_on IS NOT NULL AND (
      (r.registered_on IS NOT NULL AND duration.inDays(r.registered_on, c.decided_on).days <= $recent_right_days
         AND r.registered_on <= c.decided_on)
   OR EXISTS { MATCH (a)-[t:ASSIGNED]->(r) WHERE t.on IS NOT NULL AND t.on <= c.decided_on
                 AND duration.inDays(t.on, c.decided_on).days <= $recent_right_days })
WITH a, b, c, n_agents, p, count(r) > 0 AS fresh_right,
     c.outcome IN $passive_outcomes AS passive, coalesce(c.absent_defendant, false) AS absent,
     coalesce(c.claimed, 0) >= $large_claim AS large
WITH a, b, c, p, passive, absent, large, fresh_right, n_agents > 0 AS same_agent,
     0.25 + CASE WHEN passive THEN 0.3 ELSE 0.0 END + CASE WHEN absent THEN 0.15 ELSE 0.0 END
     + CASE WHEN n_agents > 0 THEN 0.15 ELSE 0.0 END + CASE WHEN large THEN 0.1 ELSE 0.0 END
     + CASE WHEN fresh_right THEN 0.1 ELSE 0.0 END
     - CASE WHEN p IS NOT NULL AND any(r IN relationships(p) WHERE type(r) = 'POSSIBLY_SAME')
            THEN $possible_penalty ELSE 0.0 END AS s
RETURN [{label: 'Party', key: a.uid}, {label: 'Party', key: b.uid}] AS subjects,
  [{label: 'Case', key: c.case_no, source: c.source, sections: c.sections, outcome: c.outcome,
    plaintiff: a.uid, defendant: b.uid, absent_defendant: absent, same_agent: same_agent, claimed: c.claimed,
    right_obtained_shortly_before: fresh_right,
    possible_matches: CASE WHEN p IS NULL THEN [] ELSE
      [r IN relationships(p) WHERE type(r) = 'POSSIBLY_SAME' | {score: r.score, evidence: r.evidence}] END,
    link: CASE WHEN p IS NULL THEN null ELSE [n IN nodes(p) | coalesce(n.name, n.value)] END,
    ties: reduce(t = [], x IN [a, b] | t + [(x)-[:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|BRANCH_OF|LOCATED_AT|HAS_PHONE|HAS_EMAIL]-(n)
           WHERE NOT coalesce(n.generic, false)
             AND COUNT { (n)-[:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|LOCATED_AT|HAS_PHONE|HAS_EMAIL]-() } <= $max_degree
           | coalesce(n.uid, n.value)])}] AS evidence,
  CASE WHEN s > 1.0 THEN 1.0 ELSE s END AS score,
  {case_no: c.case_no, plaintiff: a.name, defendant: b.name, outcome: c.outcome, instance: c.instance,
   passive: passive, absent: absent, same_agent: same_agent, fresh_right: fresh_right,
   claimed: CASE WHEN large THEN c.claimed END} AS reason
