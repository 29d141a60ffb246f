"""Judgment body: sections, cause, identifiers (marks, patents, prior cases), amounts, outcome."""

from __future__ import annotations

import re
from typing import Literal

from ipclue.extractors.cn_numbers import MONEY_RE, money_from_match
from ipclue.extractors.judgment_header import CASE_NO, Span
from ipclue.models import Outcome
from ipclue.normalize import normalize_case_no, normalize_patent_no, normalize_reg_no, to_halfwidth

Instance = Literal["first", "second", "retrial", "other"]
_SECTION_RES: dict[str, re.Pattern[str]] = {
    "诉称": re.compile(r"^(?:【[^】]*诉称】|.{0,40}?(?:诉称|起诉称|上诉称|申请再审称|再审称|上诉请求))"),
    "辩称": re.compile(
        r"^(?:【[^】]*辩称】|.{0,40}?(?:辩称|答辩称|答辩意见|未作答辩|未答辩|未予答辩|未提交答辩|没有答辩|未进行答辩|辩解称))"
    ),
    "查明": re.compile(
        r"^(?:【[^】]*查明】|.{0,20}?(?:经审理查明|本院查明|审理查明|经审理，?本院认定|法院查明|"
        r"本院经审理认定|本院确认以下事实|本院认定事实如下|本院认定以下事实|另查明)|.{0,40}?(?:认定以下事实|确认以下事实|"
        r"认定如下事实|查明[:：]?$|查明如下|查明以下事实))"
    ),
    "认为": re.compile(r"^(?:【本院认为】|(?:综上所述|综上)?[，,]?(?:本院认为|本院经审查认为|本院再审认为))"),
}
_RULING_RE = re.compile(r"(?:判决如下|裁定如下|达成如下(?:调解)?协议|调解协议如下)[:：]?")
_SIGNATURE_RE = re.compile(r"^(?:【审判人员】|审判长|审判员|代理审判员|人民陪审员|书记员|本件与原本核对无异)")
_CAUSE_RE = re.compile(
    r"(?:侵害|侵犯|确认|商标|著作权|专利|不正当竞争|擅自使用|仿冒|计算机|特许经营|技术|知识产权|垄断|虚假宣传|"
    r"商业诋毁|企业名称|名称权|域名|植物新品种|商业秘密|外观设计|作品)[\u4e00-\u9fa5、及和与]{0,30}?纠纷"
)
_ORG_IN_CAUSE_RE = re.compile(r".*(?:公司|厂|店|商行|经营部|中心|协会|大学)")
_BOILERPLATE_RE = re.compile(r"如不服|如果未按|如未按|(?:一审|二审)?案件受理费|本判决为终审|本裁定为终审")
_D = "[0-9０-９]"
# One more item of a list of marks: 、第2号 / 和第3号“X” (a logo may show as an empty or broken quote).
_TM_SEP = r"\s*(?:号)?(?:[“\"”][^“”\"。]{0,30}?[”\"“])?\s*[、和及与]\s*(?:第)?\s*"
_TM_ITEM = rf"{_TM_SEP}(G?{_D}{{3,8}})(?![\d年月日元])\s*(?:号)?"
_TM_ITEMS = rf"(?:{_TM_SEP}G?{_D}{{3,8}}(?![\d年月日元])\s*(?:号)?)*"
# Each alternative starts with a literal character (a look-behind goes after it), so the engine skips
# ahead to the next 第/商/注/取/登/受 instead of trying every alternative at every position.
_TM_NUMBER_KEYS = ("商标注册证号?", "注册证号", "商标注册号", "注册号", "商标号")
_TM_NUMBER_AFTER = rf"(?:码)?(?:分别)?(?:为|是)?\s*[：:]?\s*(?:第)?\s*({_D}{{3,8}})(?![\d.＊*×])"
_TM_CONTEXT_RE = re.compile(
    "|".join(
        [
            rf"第(?<![字\d]第)\s*({_D}{{3,8}})\s*号(?!\s*(?:公证|民|行|刑|判决|裁定|决定|通知|函|令|证据|案))"
            rf"(?={_TM_ITEMS}(?:[^。；;，,]{{0,40}}?商标|[^。；;]{{0,12}}?(?:注册商标|商标注册证)))",
            *(key + _TM_NUMBER_AFTER for key in _TM_NUMBER_KEYS),
            *(rf"{key}(?:第)\s*({_D}{{3,8}})\s*号" for key in ("商标注册证", "注册商标")),
            *(
                rf"{verb}(?:了|取得|登记)?\s*({_D}{{4,8}})\s*号(?=\s*[“\"”]|[^。；;，,]{{0,20}}?商标)"
                for verb in ("注册", "取得", "登记", "受让")
            ),
        ]
    )
)
_TM_LIST_RE = re.compile(_TM_ITEM)
# 第3244766、3244771、…、8753306号等注册商标: only the last item carries 号
_TM_BARE_LIST_RE = re.compile(
    rf"第(?<![字\d]第)\s*((?:{_D}{{5,8}}\s*[、，,]\s*)+{_D}{{5,8}})\s*号(?=[^。；;]{{0,12}}?商标)"
)
_LIST_SEP_RE = re.compile(r"\s*[、，,]\s*")
# 5669058号“中粮”商标: a bare registration number, the quoted mark and the word 商标 right after
_TM_QUOTED_RE = re.compile(
    rf"({_D}(?<![\dA-Za-z第]{_D}){_D}{{5,7}})\s*号(?=\s*[“\"][^”\"。]{{0,20}}[”\"]\s*(?:注册)?商标)"
)
_YEAR_BRACKET_RE = re.compile(r"[\[［〔（(]\s*(?:19|20)\d{2}\s*[\]］〕）)]")
_PATENT_RE = re.compile(
    rf"(?:ZL|ＺＬ|专利号(?:为|是|：|:)?\s*(?:ZL|ＺＬ)?)\s*((?:19|20|１９|２０)?{_D}{{2}}\s*[123１２３]\s*{_D}{{5,7}}"
    rf"\s*[.。·．]?\s*(?:{_D}|[XxＸｘ]))"
)
_PRIOR_RE = re.compile(rf"({CASE_NO})(?=\s*(?:民事|行政|刑事)?(?:判决|裁定|调解))")
_PRIOR_CONTEXT_RE = re.compile(r"不服|原审|一审|作出|撤销|维持|二审|再审|申请")
_CLAIM_RE = re.compile(r"赔偿[^。；;]{0,60}?(?:共计|合计|总计)?(?:人民币)?\s*" + MONEY_RE.pattern)
_TOTAL_RE = re.compile(r"(?:共计|合计|总计|共)(?:人民币)?\s*" + MONEY_RE.pattern)
_AWARD_ITEM_RE = re.compile(r"赔偿[^。；;\n]{0,80}?" + MONEY_RE.pattern)
# A summons (传唤, with or without 传票 / 合法 / 公告) and a non-appearance in one sentence, in either order.
_SUMMONS = r"传唤"
_NO_SHOW = r"(?:拒不|未|没有|不|未能|均未|仍未|亦未)(?:按时|依法)?(?:到庭|出庭|到场|参加庭审|参加诉讼|出席)"
_ABSENT_RE = re.compile(
    rf"{_SUMMONS}[^。；;]{{0,40}}?{_NO_SHOW}|{_NO_SHOW}[^。；;]{{0,20}}?{_SUMMONS}|缺席(?:审理|判决|审判)"
    rf"|被(?:告|上诉人|申请人)(?:(?!原告|上诉人)[^。；;]){{0,40}}?{_NO_SHOW}"
)
_SENTENCE_SPLIT_RE = re.compile(r"[。；;\n]")


def find_sections(text: str, spans: list[Span], body_start: int) -> dict[str, Span]:
    """Char spans of 诉称, 辩称, 查明, 认为, 判决 (each runs to the next section start)."""
    body = [(a, text[a:b].strip()) for a, b in spans if a >= body_start]
    ruling_at, ruling_start = _last_ruling(body)
    starts: dict[str, int] = {}
    for a, para in body[: ruling_at + 1]:
        _mark_section(starts, para, a)
    signature = len(text)
    if ruling_start is not None:
        starts["判决"] = ruling_start
        signature = next(
            (a for a, p in body[ruling_at + 1 :] if _SIGNATURE_RE.match(p.replace(" ", ""))), signature
        )
    return _to_spans(starts, signature)


def _last_ruling(body: list[tuple[int, str]]) -> tuple[int, int | None]:
    """Index and offset of the court's own 判决如下 (the last one; earlier ones recite lower courts)."""
    found: tuple[int, int | None] = (len(body), None)
    for i, (a, para) in enumerate(body):
        m = _RULING_RE.search(para)
        if m:
            found = (i, a + m.end())
        elif found[1] is not None and _SIGNATURE_RE.match(para.replace(" ", "")):
            break
    return found


def _mark_section(starts: dict[str, int], para: str, pos: int) -> None:
    """Record the first paragraph that opens each narrative section (认为: the last 本院认为)."""
    for key, rx in _SECTION_RES.items():
        if rx.match(para) and (key not in starts or key == "认为"):
            starts[key] = pos
            return


def _to_spans(starts: dict[str, int], signature: int) -> dict[str, Span]:
    """Turn section start offsets into (start, end) spans in document order."""
    ordered = sorted(starts.items(), key=lambda kv: kv[1])
    spans: dict[str, Span] = {}
    for i, (key, start) in enumerate(ordered):
        end = ordered[i + 1][1] if i + 1 < len(ordered) else signature
        spans[key] = (start, max(start, end))
    return spans


def find_cause(intro: str, title: str, names: list[str]) -> str | None:
    """案由 from the narrative intro (…纠纷一案), else from the title line."""
    for source in (intro, title):
        m = _CAUSE_RE.search(source)
        if m:
            return _trim_cause(m.group(0), names)
    return None


def _trim_cause(cause: str, names: list[str]) -> str:
    """Cut any party name or org-suffixed prefix caught in the cause."""
    for name in names:
        if name and name in cause:
            cause = cause.split(name)[-1]
    m = _ORG_IN_CAUSE_RE.match(cause)
    if m and m.end() < len(cause) - 2:
        cause = cause[m.end() :]
    return cause.lstrip("与诉因、和及")


def trademark_numbers(text: str) -> list[str]:
    """Registered trademark numbers (第1234567号…商标, 注册号为…), digits only, in order of first use."""
    found: list[str] = []
    for m in _TM_CONTEXT_RE.finditer(text):
        if _YEAR_BRACKET_RE.search(text[max(0, m.start() - 14) : m.start()]):
            continue  # 商评字[2019]第22893号 and other document numbers
        _add_unique(found, normalize_reg_no(next(g for g in m.groups() if g)))
        pos = m.end()
        while (item := _TM_LIST_RE.match(text, pos)) is not None:
            if not item.group(1).startswith("G"):  # international registrations are not digits-only
                _add_unique(found, normalize_reg_no(item.group(1)))
            pos = item.end()
    for m in _TM_BARE_LIST_RE.finditer(text):
        for number in _LIST_SEP_RE.split(m.group(1)):
            _add_unique(found, normalize_reg_no(number))
    for m in _TM_QUOTED_RE.finditer(text):
        _add_unique(found, normalize_reg_no(m.group(1)))
    return found


def _add_unique(found: list[str], value: str) -> None:
    """Append when new (keeps first-seen order)."""
    if value and value not in found:
        found.append(value)


def patent_numbers(text: str) -> list[str]:
    """ZL patent numbers, normalised."""
    found: list[str] = []
    for m in _PATENT_RE.finditer(text):
        _add_unique(found, normalize_patent_no(to_halfwidth(m.group(1))))
    return found


def prior_case_nos(text: str, own: str) -> list[str]:
    """Case numbers of earlier decisions cited (不服…（2014）…号民事判决), normalised, not our own."""
    found: list[str] = []
    for m in _PRIOR_RE.finditer(text):
        no = normalize_case_no(m.group(1))
        if no != own and _PRIOR_CONTEXT_RE.search(text[max(0, m.start() - 40) : m.start()]):
            _add_unique(found, no)
    return found


def claimed_amount(claims: str) -> float | None:
    """诉请赔偿 from the claims section: a stated total, else the first amount after 赔偿."""
    m = _CLAIM_RE.search(claims)
    if not m:
        return None
    sentence = claims[m.start() : claims.find("。", m.start()) if "。" in claims[m.start() :] else None]
    total = _TOTAL_RE.search(sentence)
    if total:
        return money_from_match(_money_in(total))
    return money_from_match(_money_in(m))


def _money_in(m: re.Match[str]) -> re.Match[str]:
    """Re-run MONEY_RE on the tail of a match that embeds it (group numbers shift)."""
    inner = MONEY_RE.search(m.group(0))
    assert inner is not None  # the pattern embeds MONEY_RE, so it always matches
    return inner


def awarded_amount(ruling: str) -> float | None:
    """判赔: the sum of the amounts in operative items that order 赔偿 (not fees, not rejected)."""
    total = 0.0
    for line in re.split(r"[\n；;]|(?=[一二三四五六七八九十]、)", ruling):
        if "驳回" in line or "受理费" in line or "诉讼费" in line:
            continue
        m = _AWARD_ITEM_RE.search(line)
        value = money_from_match(_money_in(m)) if m else None
        total += value or 0.0
    return total or None


def outcome(ruling: str, doc_type: str, instance: str) -> Outcome | None:
    """Outcome class from the operative part of the decision."""
    cut = _BOILERPLATE_RE.search(ruling)
    r = ruling[: cut.start()] if cut else ruling[:1500]
    if doc_type == "mediation":  # 民事调解书: the document itself records a mediated settlement
        return "mediated"
    if not r.strip():
        return None
    if "调解协议" in r:
        return "mediated"
    if re.search(r"撤诉|撤回(?:起诉|上诉|再审申请)", r):
        return "withdrawn"
    if instance != "first" and re.search(r"撤销[^。]{0,40}?(?:判决|裁定)", r):
        return "reversed"
    return _first_instance_outcome(r)


def _first_instance_outcome(r: str) -> Outcome:
    """upheld / partly_upheld / dismissed from the operative items."""
    rejects = re.search(r"驳回[^。；]{0,40}?(?:全部)?(?:诉讼请求|上诉|起诉|再审申请|申请)|不予支持", r)
    partial = re.search(r"驳回[^。；]{0,40}?(?:其他|其余|其它|剩余)", r)
    orders = re.search(r"(?:停止|赔偿|支付|消除|赔礼|销毁|变更|确认)", r)
    if partial:
        return "partly_upheld"
    if rejects and not (orders and orders.start() < rejects.start()):
        return "dismissed"
    return "upheld" if orders else "other"


def absent_defendant(text: str) -> bool:
    """True when a sentence records a defendant summoned (传唤) who did not appear, or a 缺席 hearing.

    A sentence about a plaintiff alone (原告…未到庭，按撤诉处理) is not a defendant's absence.
    """
    return any(
        _defendant_absent(s)
        for s in _SENTENCE_SPLIT_RE.split(text)
        if "庭" in s or "缺席" in s or "到场" in s
    )


def _defendant_absent(sentence: str) -> bool:
    """One sentence: a summons and a no-show, not about the plaintiff (撤诉处理)."""
    if not _ABSENT_RE.search(sentence) or "撤诉处理" in sentence:
        return False
    return not re.search(r"原告|上诉人", sentence) or bool(re.search(r"被告|被上诉人|被申请人", sentence))


def instance_of(case_no: str, title: str, roles: set[str]) -> Instance:
    """first / second / retrial from the case number (初/终/再/申/提), title or roles."""
    m = re.search(r"[民刑行][^\d号]{0,4}?(初|终|再|申|提|监)", case_no)
    if m:
        return "first" if m.group(1) == "初" else "second" if m.group(1) == "终" else "retrial"
    if "再审" in title or roles & {"retrial_applicant", "retrial_respondent"}:
        return "retrial"
    if "二审" in title or "appellant" in roles:
        return "second"
    return "first"
