// Entity-resolution rule names in words (ipclue/graph/resolution: resolver, persons, orgs, groups, suits).
// Unknown rules keep their code, after the kind in words, so nothing is hidden.
import { getLang } from "./i18n";

const RULES: Record<string, [string, string]> = {
  "org:uscc": ["统一社会信用代码相同", "same USCC"],
  "org:uscc-match": ["统一社会信用代码相同", "same USCC"],
  "org:name-exact": ["名称完全相同", "same name"],
  "org:name-exact-ambiguous": ["名称相同（存在同名单位）", "same name (ambiguous)"],
  "org:name-variant": ["名称变体（简称、全半角、组织形式）", "name variant"],
  "org:name-homophone": ["名称同音", "homophone name"],
  "org:legal-form+corroborated": ["组织形式不同但有佐证", "other legal form, corroborated"],
  "org:name-lookalike+corroborated": ["名称形近（一字之差）且有佐证", "look-alike name (one character), corroborated"],
  "org:late-homophone": ["名称同音且有佐证（事后合并）", "homophone name, corroborated (merged later)"],
  "org:late-variant": ["名称变体且有佐证（事后合并）", "name variant, corroborated (merged later)"],
  "org:name-new": ["新单位（无匹配）", "new organisation"],
  "org:new": ["新单位（无匹配）", "new organisation"],
  "person:name+id": ["同名且身份证号片段相同", "same name and ID fragment"],
  "person:name+birth": ["同名且出生日期相同", "same name and birth date"],
  "person:lawyer=name+firm": ["同名且同一律师事务所", "same name and law firm"],
  "person:name+company": ["同名且同一单位", "same name and organisation"],
  "person:name+address": ["同名且地址相同", "same name and address"],
  "person:name-in-document": ["同一文书内同名", "same name within one document"],
  "person:anonymised": ["匿名化姓名（不跨文书合并）", "anonymised name (never merged)"],
  "person:anonymised-singleton": ["匿名化姓名（不跨文书合并）", "anonymised name (never merged)"],
  "person:new": ["新自然人（无佐证匹配）", "new person"],
  "person:group-same-org": ["同名且同一组织任职", "same name, same organisation"],
  "person:group-branch": ["同名且同一集团（分支机构）", "same name, one group (branch)"],
  "person:group-shareholder": ["同名且同一集团（股权关系）", "same name, one group (shareholding)"],
  "person:group-shared-phone": ["同名且单位电话相同", "same name, organisations share a phone"],
  "person:group-shared-address": ["同名且单位地址相同", "same name, organisations share an address"],
  "person:group-trade-name": ["同名且单位字号相同", "same name, same trade name"],
  "person:group-name-roles": ["同名且同城均任法定代表人或股东", "same name, legal representatives or shareholders in one city"],
  "person:suit-same-opponent": ["同名且同一法院同一对方当事人", "same name, same court and opposing party"],
  "person:suit-same-counsel": ["同名且同一代理律所", "same name, same law firm"],
  "person:suit-opposing-counsel": ["同名且同一法院对方同一代理律所", "same name, same court and opposing counsel"],
  "person:suit-case-batch": ["同名且同一法院同批立案", "same name, cases filed together at one court"],
  "judgement:merge": ["人工合并", "merged by a reviewer"],
  "judgement:split": ["人工拆分", "split by a reviewer"],
};
const KINDS: Record<string, [string, string]> = { org: ["单位", "organisation"], person: ["自然人", "person"], lawyer: ["律师", "lawyer"], judgement: ["人工判定", "judgement"] };

/** A resolution rule in the page's language; an unknown one as "<kind in words>：<code>". */
export function ruleName(rule: string | null | undefined): string {
  if (!rule) return "—";
  const i = getLang() === "zh" ? 0 : 1;
  if (RULES[rule]) return RULES[rule][i];
  const kind = KINDS[rule.split(":")[0]];
  return kind ? `${kind[i]}：${rule.slice(rule.indexOf(":") + 1)}` : rule;
}

// The resolver's evidence phrases (English in the graph) in Chinese; values after them are kept verbatim.
const EVIDENCE_ZH: [RegExp, string][] = [
  [/^no corroborated match; same name within this record only$/, "无佐证匹配；仅在本文书内按同名归并"],
  [/^anonymised name: never merged across records$/, "匿名化姓名：不跨文书合并"],
  [/^first party named (.+)$/, "首个名为 $1 的当事人"],
  [/^same name (.+?); (\d+) parties share it, chose the best corroborated$/, "名称相同 $1；$2 个当事人同名，取佐证最强者"],
  [/^same name (.+)$/, "名称相同 $1"],
  [/^same address (.+)$/, "地址相同 $1"],
  [/^same legal representative (.+)$/, "法定代表人相同 $1"],
  [/^same agents (.+)$/, "代理人（律师、员工）相同 $1"],
  [/^same managers (.+)$/, "法定代表人、股东或高管相同 $1"],
  [/^only candidate$/, "唯一候选"],
  [/^both known in full(.*)$/, "双方信息完整后比对$1"],
  [/^(.+) ~ (.+) \(one character differs (.)\/(.)\)$/, "$1 ~ $2（一字之差 $3/$4）"],
  [/^masked USCC (.+) agrees$/, "脱敏信用代码 $1 相符"],
  [/^same masked USCC (.+)$/, "脱敏信用代码相同 $1"],
  [/^ID fragment (.+)$/, "身份证号片段 $1"],
  [/^born (.+)$/, "出生日期 $1"],
  [/^same firm (.+)$/, "同一律师事务所 $1"],
  [/^same organisation (.+)$/, "同一单位 $1"],
  [/^region prefix (.+)$/, "地区前缀 $1"],
  [/^merged by a user: ?(.*)$/, "人工合并：$1"],
  [/^split by a user: ?(.*)$/, "人工拆分：$1"],
  [/^split by a user$/, "人工拆分"],
];

/** A resolution decision's evidence in the page's language (Chinese: known English phrases translated,
 *  part by part on "; "); anything else verbatim. */
export function evidenceText(evidence: unknown): string {
  if (typeof evidence !== "string" || !evidence) return "—";
  if (getLang() !== "zh") return evidence;
  const one = (s: string) => {
    for (const [re, zh] of EVIDENCE_ZH) if (re.test(s)) return s.replace(re, zh);
    return s;
  };
  const whole = one(evidence);
  return whole !== evidence ? whole : evidence.split("; ").map(one).join("；");
}
