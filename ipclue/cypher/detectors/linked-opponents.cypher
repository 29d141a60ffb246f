// ---
// id: linked-opponents
// title: 原被告存在关联关系 / Opposing parties are linked
// family: false_litigation
// severity: high
// version: 5
// legal_basis: 最高人民法院 最高人民检察院关于办理虚假诉讼刑事案件适用法律若干问题的解释 (2018) 第一条; 民事诉讼法 (2023) 第一百一十五条
// description: 同一案件的对立当事人经法定代表人、股东、高管、非通用的共同地址/电话/邮箱或同一代理人相关联，且案件呈现非对抗迹象。
// params:
//   max_hops: {default: 2, doc: "link hops between the two parties (a shared identifier or person counts as one hop; at most 3)"}
//   max_degree: {default: 25, doc: "an identifier or person linked to more parties than this is treated as generic"}
//   opposed_roles: {default: [[plaintiff, defendant], [appellant, appellee], [retrial_applicant, retrial_respondent]], doc: "role pairs that oppose each other in one case"}
//   passive_outcomes: {default: [mediated, withdrawn], doc: "outcomes that suggest no real dispute"}
//   require_signal: {default: true, doc: "only flag pairs with a non-adversarial sign (mediated/withdrawn, absent defendant, same agent)"}
//   case_level_links: {default: [same_agent, same_firm], doc: "LINKED kinds that come from the case itself (one agent or firm on both sides); they are a signal of that case, not a link between the parties, so paths do not use them"}
//   agent_alone: {default: false, doc: "a shared agent with no party link is enough for a hit (律师法 第三十九条 forbids it, but it names the lawyer, not a tie between the parties)"}
//   min_score: {default: 0.5, doc: "hits scoring lower are dropped"}
//   possible_penalty: {default: 0.2, doc: "score taken off a link path through a possible match (POSSIBLY_SAME: two person parties that may be one person, not merged)"}
//   link_words: {default: {LEGAL_REP_OF: 法定代表人, SHAREHOLDER_OF: 股东, OFFICER_OF: 任职, BRANCH_OF: 分支机构, LOCATED_AT: 地址, HAS_PHONE: 电话, HAS_EMAIL: 邮箱, LINKED: 关联, POSSIBLY_SAME: 可能同一人, legal_rep: 同一法定代表人, shared_address: 共同地址, shared_phone: 共同电话, shared_email: 共同邮箱}, doc: "how each kind of link reads in the reason (a relationship type, or the kind of a derived link)"}
// ---
MATCH (a:Party)-[ra:PARTY_TO]->(c:Case)<-[rb:PARTY_TO]-(b:Party)
WHERE [ra.role, rb.role] IN $opposed_roles AND a <> b AND coalesce(c.division, 'civil') = 'civil'
OPTIONAL MATCH (a)-[:REPRESENTED_BY {case_no: c.case_no}]->(ag:Party)<-[:REPRESENTED_BY {case_no: c.case_no}]-(b)
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
// The path in words: a derived link by its kind (共同地址「…」); two hops around one node by that node
// (同一法定代表人「张三」, 共同地址「…」, 法定代表人/股东「张三」); a lone direct hop by its type.
WITH x, y, hits, best, path, coalesce(relationships(path), []) AS rs, coalesce(nodes(path), []) AS ns
WITH x, y, hits, best, path, reduce(acc = {t: '', skip: false}, i IN range(0, size(rs) - 1) |
       CASE WHEN acc.skip THEN {t: acc.t, skip: false}
       ELSE {t: acc.t + CASE WHEN acc.t = '' THEN '' ELSE '、' END + CASE
           WHEN rs[i].via IS NOT NULL THEN coalesce($link_words[rs[i].via], rs[i].via)
             + CASE WHEN rs[i].via STARTS WITH 'shared_' THEN '「' + coalesce(rs[i].through, '') + '」' ELSE '' END
           WHEN i < size(rs) - 1 AND rs[i + 1].via IS NULL THEN
             CASE WHEN type(rs[i]) = type(rs[i + 1])
                  THEN CASE WHEN ns[i + 1]:Party THEN '同一' ELSE '共同' END + coalesce($link_words[type(rs[i])], type(rs[i]))
                  ELSE coalesce($link_words[type(rs[i])], type(rs[i])) + '/' + coalesce($link_words[type(rs[i + 1])], type(rs[i + 1])) END
             + '「' + coalesce(ns[i + 1].name, ns[i + 1].value) + '」'
           ELSE coalesce($link_words[type(rs[i])], type(rs[i])) END,
         skip: i < size(rs) - 1 AND rs[i].via IS NULL AND rs[i + 1].via IS NULL} END).t AS linked_by
RETURN [{label: 'Party', key: x.uid}, {label: 'Party', key: y.uid}] AS subjects,
  [h IN hits | {label: 'Case', key: h.c.case_no, source: h.c.source, sections: h.c.sections,
     outcome: h.c.outcome, absent_defendant: h.c.absent_defendant,
     shared_agents: [g IN h.agents | g.name]}]
  + CASE WHEN path IS NULL THEN [] ELSE
      [r IN relationships(path) | {label: type(r),
         key: coalesce(startNode(r).uid, startNode(r).value) + ' → ' + coalesce(endNode(r).uid, endNode(r).value),
         via: r.via, detail: r.evidence, sources: r.sources, possible_match_score: r.score}] END AS evidence,
  CASE WHEN best > 1.0 THEN 1.0 ELSE best END AS score,
  x.name + ' 与 ' + y.name + ' 在 ' + toString(size(hits)) + ' 起案件中互为对方当事人（'
    + reduce(t = '', h IN hits | t + CASE WHEN t = '' THEN '' ELSE '、' END + h.c.case_no) + '），却'
    + CASE WHEN path IS NULL THEN '' ELSE '经' + linked_by + '相关联' END
    + CASE WHEN any(h IN hits WHERE size(h.agents) > 0) THEN
        CASE WHEN path IS NULL THEN '' ELSE '，且' END + '双方由同一代理人代理' ELSE '' END
    + ' / opposing parties are linked' AS reason
