// ---
// id: linked-opponents
// title: 原被告存在关联关系 / Opposing parties are linked
// family: false_litigation
// severity: high
// version: 5
// legal_basis: 最高人民法院 最高人民检察院关于办理虚假诉讼刑事案件适用法律若干问题的解释 (2018) 第一条; 民事诉讼法 (2023) 第一百一十五条
// description: 同一案件的对立当事人经法定代表人、股东、高管、非通用的共同地址/电话/邮箱或同一代理人相关联，且案件呈现非对抗迹象。
// reason_zh: >-
//   {{ x }} 与 {{ y }} 在 {{ cases | length }} 起案件中互为对方当事人：{{ cases | cases(5) }}，却
//   {%- if hops %}经{{ hops | link_path }}相关联{% endif %}
//   {%- if same_agent %}{% if hops %}，且{% endif %}双方由同一代理人{% if agents %}（{{ agents | join_zh }}）{% endif %}代理{% endif %}
// reason_en: >-
//   {{ x }} and {{ y }} are opposing parties in {{ cases | length }} case(s) ({{ cases | cases(5) }}), yet
//   {%- if hops %} are linked by {{ hops | link_path }}{% endif %}
//   {%- if same_agent %}{% if hops %}, and{% endif %} share one agent{% if agents %} ({{ agents | join_zh }}){% endif %}{% endif %}
// params:
//   max_hops: {default: 2, doc: "link hops between the two parties (a shared identifier or person counts as one hop; at most 3)", doc_zh: "双方当事人之间的关联跳数（共同标识或人员计一跳；最多 3）", min: 1, max: 3}
//   max_degree: {default: 25, doc: "an identifier or person linked to more parties than this is treated as generic", doc_zh: "关联当事人超过此数的标识或人员视为通用，不作关联", min: 1}
//   opposed_roles: {default: [[plaintiff, defendant], [appellant, appellee], [retrial_applicant, retrial_respondent]], doc: "role pairs that oppose each other in one case", doc_zh: "同一案件中相互对立的诉讼地位组合", choices: [plaintiff, defendant, third_party, appellant, appellee, retrial_applicant, retrial_respondent, original_party]}
//   passive_outcomes: {default: [mediated, withdrawn], doc: "outcomes that suggest no real dispute", doc_zh: "提示并无真实争议的裁判结果", choices: [upheld, partly_upheld, dismissed, withdrawn, mediated, reversed, other]}
//   require_signal: {default: true, doc: "only flag pairs with a non-adversarial sign (mediated/withdrawn, absent defendant, same agent)", doc_zh: "仅标记具有非对抗迹象的当事人（调解/撤诉、被告缺席、同一代理人）"}
//   case_level_links: {default: [same_agent, same_firm], doc: "LINKED kinds that come from the case itself (one agent or firm on both sides); they are a signal of that case, not a link between the parties, so paths do not use them", doc_zh: "来自案件本身的关联类型（双方同一代理人或律所）：属该案信号，不作当事人之间的关联，路径不经过它们", choices: [same_agent, same_firm, legal_rep, shared_address, shared_phone, shared_email]}
//   agent_alone: {default: false, doc: "a shared agent with no party link is enough for a hit (律师法 第三十九条 forbids it, but it names the lawyer, not a tie between the parties)", doc_zh: "仅有共同代理人、无当事人关联时也构成命中（律师法第三十九条禁止双方代理，但它指向律师，而非当事人之间的关联）"}
//   min_score: {default: 0.5, doc: "hits scoring lower are dropped", doc_zh: "得分低于此值的命中不予保留", min: 0, max: 1}
//   possible_penalty: {default: 0.2, doc: "score taken off a link path through a possible match (POSSIBLY_SAME: two person parties that may be one person, not merged)", doc_zh: "关联路径经过可能同一人（POSSIBLY_SAME：可能为同一人但未合并的两个自然人）时扣减的分数", min: 0, max: 1}
// ---
MATCH (a:Party)-[ra:PARTY_TO]->(c:Case)<-[rb:PARTY_TO]-(b:Party)
WHERE [ra.role, rb.role] IN $opposed_roles AND a <> b AND coalesce(c.division, 'civil') = 'civil'
// one agent on both sides, found by the case number (index represented_by_case), not by walking a's
// or b's own REPRESENTED_BY edges, which a rights holder has thousands of; a2/b2 rebind a and b so
// that the hint applies
OPTIONAL MATCH (a2:Party)-[r1:REPRESENTED_BY]->(ag:Party)<-[r2:REPRESENTED_BY]-(b2:Party)
USING INDEX SEEK r1:REPRESENTED_BY(case_no)
WHERE r1.case_no = c.case_no AND r2.case_no = c.case_no AND a2 = a AND b2 = b
WITH a, b, c, collect(DISTINCT ag) AS agents
OPTIONAL MATCH p = SHORTEST 1 (a) (()-[l:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|BRANCH_OF|LOCATED_AT|HAS_PHONE|HAS_EMAIL|LINKED|POSSIBLY_SAME]-(n)
    WHERE NOT coalesce(n.generic, false) AND NOT n:Case AND NOT coalesce(l.via, '') IN $case_level_links
      AND COUNT { (n)-[:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|LOCATED_AT|HAS_PHONE|HAS_EMAIL]-() } <= $max_degree){1,6} (b)
WITH a, b, c, agents, CASE WHEN p IS NOT NULL AND length(p) <= 2 * $max_hops THEN p END AS p
WHERE p IS NOT NULL OR ($agent_alone AND size(agents) > 0)
WITH a, b, c, agents, p,
     c.outcome IN $passive_outcomes AS passive, coalesce(c.absent_defendant, false) AS absent
WHERE NOT $require_signal OR passive OR absent OR size(agents) > 0
WITH CASE WHEN a.uid < b.uid THEN a ELSE b END AS x, CASE WHEN a.uid < b.uid THEN b ELSE a END AS y,
     c, agents, p, passive, absent,
     CASE WHEN size(agents) > 0 THEN 0.85 ELSE 0.0 END AS s_agent,
     CASE WHEN p IS NULL THEN 0.0 ELSE 0.9 - 0.05 * (length(p) - 1)
       - CASE WHEN any(r IN relationships(p) WHERE type(r) = 'POSSIBLY_SAME') THEN $possible_penalty ELSE 0.0 END END AS s_link
WITH x, y, c, agents, p,
     CASE WHEN s_agent > s_link THEN s_agent ELSE s_link END
       + CASE WHEN passive THEN 0.1 ELSE 0.0 END + CASE WHEN absent THEN 0.05 ELSE 0.0 END AS s
WITH x, y, collect({c: c, agents: agents, p: p, s: s}) AS hits
WITH x, y, hits, reduce(m = 0.0, h IN hits | CASE WHEN h.s > m THEN h.s ELSE m END) AS best,
     [h IN hits WHERE h.p IS NOT NULL][0].p AS path
WITH x, y, hits, best, path, coalesce(relationships(path), []) AS rs, coalesce(nodes(path), []) AS ns
RETURN [{label: 'Party', key: x.uid}, {label: 'Party', key: y.uid}] AS subjects,
  [h IN hits | {label: 'Case', key: h.c.case_no, source: h.c.source, sections: h.c.sections,
     outcome: h.c.outcome, absent_defendant: h.c.absent_defendant,
     shared_agents: [g IN h.agents | g.name]}]
  + CASE WHEN path IS NULL THEN [] ELSE
      [r IN relationships(path) | {label: type(r),
         key: coalesce(startNode(r).uid, startNode(r).value) + ' → ' + coalesce(endNode(r).uid, endNode(r).value),
         via: r.via, detail: r.evidence, sources: r.sources, possible_match_score: r.score}] END AS evidence,
  CASE WHEN best > 1.0 THEN 1.0 ELSE best END AS score,
  {x: x.name, y: y.name,
   cases: [h IN hits | {case_no: h.c.case_no, outcome: h.c.outcome, instance: h.c.instance}],
   hops: [i IN range(0, size(rs) - 1) | {type: type(rs[i]), via: rs[i].via, through: rs[i].through,
          to: coalesce(ns[i + 1].name, ns[i + 1].value), to_party: ns[i + 1]:Party}],
   same_agent: any(h IN hits WHERE size(h.agents) > 0),
   agents: reduce(a = [], h IN hits | a + [g IN h.agents WHERE NOT g.name IN a | g.name])} AS reason
