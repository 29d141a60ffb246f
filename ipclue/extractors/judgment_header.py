"""Judgment header: paragraphs, the court / type / case-number anchor, party names, reps and agents."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ipclue.models import Agent, Division, DocType, Role

Span = tuple[int, int]

CASE_NO = (
    r"[（(〔\[［]\s*(?:19|20)\d{2}\s*[）)〕\]］]\s*(?:[\u4e00-\u9fa5\d]|[（(][\u4e00-\u9fa5]{1,4}[）)]){1,25}?"
    r"\d+(?:[、，,\-－]\d+)*\s*号"
)
CASE_NO_RE = re.compile(CASE_NO)
_DOCTYPE_RE = re.compile(
    r"^(?:中华人民共和国)?(?P<court>[^，。：:]{2,30}?法院)?(?P<div>[民刑行])事(?:附带民事)?"
    rf"(?P<kind>判决|裁定|调解|决定)书(?P<no>{CASE_NO})?$"
)
_CASE_LINE_RE = re.compile(
    rf"^(?:中华人民共和国)?(?P<court>[^，。：:]{{2,30}}?法院)?(?:案号[:：]?)?(?P<no>{CASE_NO})$"
)
_COURT_TAIL_RE = re.compile(r"(?:^|[书】：:》」”])(?:中华人民共和国)?([^书】：:，。、》」”]{2,30}?法院)$")
_TITLE_KIND_RE = re.compile(r"(判决书|裁定书|调解书|判决|裁定)")
_LABEL_RE = re.compile(r"^【[^】]{1,12}】$")
_WS_RE = re.compile(r"\s+")
ROLE_START_RE = re.compile(
    r"^(?:再审申请人|申请再审人|被申请再审人|再审被申请人|被申请人|被上诉人|上诉人|原审原告|原审被告|原审第三人|"
    r"一审原告|一审被告|一审第三人|原告|被告单位|被告人|被告|第三人|公诉机关|申请人|起诉人)"
)

# Splits for a document flattened onto one line: after 。, around the title, court and case number.
_FLAT_SPLIT_RE = re.compile(
    r"(?<=。)|(?<=法院)(?=[民刑行]\s*事\s*(?:判\s*决|裁\s*定|调\s*解)\s*书)"
    r"|(?<=书)(?=[^\s。，书]{2,25}?法院[民刑行]\s*事)|(?<=书)(?=[（(](?:19|20)\d{2}[）)])"
    r"|(?<=号)(?=(?:原告|被告|上诉人|被上诉人|申请再审人|再审申请人|申请人|被申请人|公诉机关)\S)"
    r"|(?=审\s*判\s*长|审\s*判\s*员|人民陪审员|书\s*记\s*员|本件与原本核对无异)"
    r"|(?<=[〇○Ｏ零一二三四五六七八九十]日)(?=本件|书\s*记|$)"
)


@dataclass(frozen=True, slots=True)
class Header:
    """Where the header is: the anchor paragraph index, court, case number, type and division."""

    anchor: int
    court: str
    case_no_raw: str
    doc_type: DocType
    division: Division
    title: str


def compact(text: str) -> str:
    """Text with all whitespace removed (headers are often letter-spaced: 民 事 判 决 书)."""
    return _WS_RE.sub("", text)


def paragraph_spans(text: str) -> list[Span]:
    """(start, end) of each non-empty paragraph; a flattened one-line document is split at markers."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    if len(spans) <= 3 and len(text) > 200:
        spans = [piece for span in spans for piece in _split_flat(text, span)]
    return spans


def _split_flat(text: str, span: Span) -> list[Span]:
    """Cut one long paragraph at the flat-split markers."""
    start, end = span
    cuts = sorted({m.start() + start for m in _FLAT_SPLIT_RE.finditer(text, start, end)} | {start, end})
    pieces = [(a, b) for a, b in itertools.pairwise(cuts) if text[a:b].strip()]
    return pieces or [span]


def find_header(paras: list[str]) -> Header | None:
    """Locate the header anchor: a case-number line after a document-type line, or the best fallback."""
    compacts = [compact(p) for p in paras]
    best: tuple[int, int] | None = None
    for i, c in enumerate(compacts):
        score = _anchor_score(compacts, i, c)
        if score and (best is None or score > best[0]):
            best = (score, i)
        if best and best[0] >= 3:
            break
    return _build_header(paras, compacts, best[1]) if best else None


def _anchor_score(compacts: list[str], i: int, c: str) -> int:
    """3: doc-type line then case number then a party; 2: two of those; 1: a bare doc-type line."""
    nxt = _next_content(compacts, i)
    party_next = bool(ROLE_START_RE.match(nxt))
    if _CASE_LINE_RE.match(c):
        doctype_before = any(_DOCTYPE_RE.match(p) for p in compacts[max(0, i - 3) : i])
        return 1 + int(doctype_before) + int(party_next)
    m = _DOCTYPE_RE.match(c)
    if m:
        return 3 if m.group("no") and party_next else (2 if party_next else 0)
    return 0


def _next_content(compacts: list[str], i: int) -> str:
    """The next paragraph after i that is not a 【label】 line."""
    for c in compacts[i + 1 : i + 4]:
        if not _LABEL_RE.match(c):
            return c
    return ""


def _build_header(paras: list[str], compacts: list[str], anchor: int) -> Header:
    """Collect court, doc type and case number around the anchor paragraph."""
    c = compacts[anchor]
    m = _CASE_LINE_RE.match(c) or _DOCTYPE_RE.match(c)
    case_no = ""
    court = ""
    if m:
        case_no = _raw_case_no(paras[anchor]) if m.group("no") else ""
        court = m.group("court") or ""
    window = compacts[max(0, anchor - 4) : anchor + 1]
    kind, div = _doc_kind(window, compacts)
    court = court or _court_before(window)
    title = _title(compacts, anchor)
    return Header(anchor, _clean_court(court), case_no, kind, div, title)


def _raw_case_no(para: str) -> str:
    """The case number as written in the paragraph (spaces inside kept out)."""
    m = CASE_NO_RE.search(para)
    return m.group(0).strip() if m else ""


def _doc_kind(window: list[str], compacts: list[str]) -> tuple[DocType, Division]:
    """Document type and division from the doc-type line, else the title, else the operative words."""
    for c in reversed(window):
        m = _DOCTYPE_RE.match(c)
        if m:
            return _KINDS[m.group("kind")], _DIVS[m.group("div")]
    head = "".join(compacts[:4])
    m2 = re.search(r"([民刑行])事(判决书|裁定书|调解书)", head)
    if m2:
        return _KINDS[m2.group(2)[:2]], _DIVS[m2.group(1)]
    body = "".join(compacts[-60:])
    kind: DocType = "ruling" if "裁定如下" in body and "判决如下" not in body else "judgment"
    return kind, "civil"


_KINDS: dict[str, DocType] = {"判决": "judgment", "裁定": "ruling", "调解": "mediation", "决定": "decision"}
_DIVS: dict[str, Division] = {"民": "civil", "刑": "criminal", "行": "administrative"}


def _court_before(window: list[str]) -> str:
    """The nearest paragraph ending in 法院 just before the anchor (court prefix lines)."""
    for c in reversed(window):
        m = _DOCTYPE_RE.match(c)
        if m and m.group("court"):
            return m.group("court")
        m = _COURT_TAIL_RE.search(c)
        if m:
            return m.group(1)
    return ""


def _clean_court(court: str) -> str:
    """Drop the 中华人民共和国 prefix and anything before a leading title."""
    court = court.removeprefix("中华人民共和国")
    return court.rsplit("书", 1)[-1]


def _title(compacts: list[str], anchor: int) -> str:
    """The title paragraph (… 纠纷 … 判决书) near the top, if any."""
    for c in compacts[: max(anchor, 1)]:
        if "纠纷" in c or _TITLE_KIND_RE.search(c):
            return c
    return ""


def header_division(case_no: str, division: Division) -> Division:
    """Division refined from the case number (刑初 / 行终) when the doc-type line is missing."""
    if re.search(r"刑[初终再申]", case_no):
        return "criminal"
    if re.search(r"行[初终再申]", case_no):
        return "administrative"
    return division


# ---- names, representatives and agents in the 当事人 block ----------------------------

ROLE_MAP: dict[str, Role] = {
    "原告": "plaintiff", "起诉人": "plaintiff", "被告": "defendant", "第三人": "third_party",
    "上诉人": "appellant", "被上诉人": "appellee", "再审申请人": "retrial_applicant",
    "申请再审人": "retrial_applicant", "被申请人": "retrial_respondent",
    "被申请再审人": "retrial_respondent", "再审被申请人": "retrial_respondent",
    "原审原告": "original_party", "原审被告": "original_party", "原审第三人": "original_party",
    "一审原告": "original_party", "一审被告": "original_party", "一审第三人": "original_party",
    "公诉机关": "prosecutor", "被告人": "accused", "被告单位": "accused_unit", "申请人": "other",
}  # fmt: skip


SEG_RE = re.compile(r"[，,：:]")


OPEN, CLOSE = "（([［【{", "）)]］】}"


_ORG_SUFFIX_RE = re.compile(
    r"(?:公司|厂|店|商行|经营部|门市部|服务部|营业部|商场|超市|市场|中心|协会|学会|研究会|商会|联合会|总会|委员会|"
    r"大学|学院|学校|研究院|研究所|医院|集团|局|事务所|服务所|社|馆|站|电视台|总台|银行|合作社|工作室|俱乐部|"
    r"酒店|宾馆|办事处|分行|分部|商城|广场|会所|检察院|法院|政府|株式会社|Limited|LIMITED|Ltd\.?|LTD\.?|Inc\.?|"
    r"INC\.?|GmbH|Co\.|CO\.|S\.?P\.?A\.?|Company|COMPANY|Corporation|AG|LLC|B\.V\.)$"
)


_AGENT_ORG_RES = (
    re.compile(r"^(?P<org>.+(?:公司|集团))(?P<title>.*)$"),
    re.compile(
        r"^(?P<org>.+?(?:律师事务所|法律服务所|法律事务所|事务所)(?:[\u4e00-\u9fa5（）()]{1,12}?分所)?)(?P<title>.*)$"
    ),
    re.compile(
        r"^(?P<org>.+?(?:法律援助中心|协会|商会|研究会|中心|大学|学院|学校|研究院|研究所|厂|局|委员会|商行|经营部|"
        r"服务部|门市部|营业部|经销部|工作室|超市|商场|店))"
        r"(?P<title>.*)$"
    ),
)


_SELF_ORG_RE = re.compile(
    r"^(?:该|本|其)?(?:公司|厂|社|校|学校|协会|单位|中心|集团|院|局|店|行|部|经营部|商行|所)"
)


_TITLE_PREFIX_RE = re.compile(r"^(?:系|是|现任|任|为|均系|均为|现为|均是)")


_NOT_TITLE_RE = re.compile(
    r"^(?:男|女|\d|×|[xX＊*]|[\u4e00-\u9fa5]{1,3}族$|住|身份证|生于|出生|公民身份|特别授权|一般授权)"
)


SOLE_RE = re.compile(r"^(?:系|是|为)?(?P<trade>.*?)(?:的)?(?:个体)?(?:经营者|业主|投资人|个体工商户|个体户)$")


_MANDATE_RE = re.compile(r"^(?:特别授权|一般授权|全权|特别代理|一般代理|实习)")


_SHORT_RE = re.compile(
    r"^(?:以下简称|以下称|以下统称|下称|简称|下简称)[：:为]?[“\"”]?(?P<alias>[^“”\"]{1,24}?)[”\"“]?$"
)


LATIN_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


_SPACE_CJK_RE = re.compile(r"(?<=[\u3000-\u9fff（）])\s+|\s+(?=[\u3000-\u9fff（）])")


@dataclass
class Draft:
    """A party being built from the header sentences."""

    role_word: str
    role_text: str
    name: str
    span: Span
    details: list[str] = field(default_factory=list)
    agents: list[Agent] = field(default_factory=list)
    rep: str | None = None
    rep_title: str | None = None
    alias: str | None = None
    trade_name: str | None = None
    sole_trader: bool = False


def first_segment(rest: str) -> tuple[str, str]:
    """Split off the first depth-0 comma/colon segment (the name) from the rest of a sentence."""
    depth = 0
    for k, ch in enumerate(rest):
        depth += (ch in OPEN) - (ch in CLOSE)
        if depth <= 0 and SEG_RE.match(ch):
            return rest[:k], rest[k + 1 :]
    cut = re.search(r"(?<=[司厂店部行社心])(?:住所地|住所|住址|法定代表人)", rest)
    return (rest[: cut.start()], rest[cut.start() :]) if cut else (rest, "")


def clean_name(draft: Draft, raw: str) -> str:
    """Strip trailing asides: （以下简称X）, （原…）, （…业主）, a Latin alias; collapse spaces."""
    name = despace(raw.strip().strip("“”\"'"))
    while name and name[-1] in CLOSE:
        open_at = _matching_open(name)
        if open_at <= 0 or not _take_aside(draft, name[:open_at], name[open_at + 1 : -1]):
            break
        name = name[:open_at].strip()
    return name


def _matching_open(name: str) -> int:
    """Index of the bracket that opens the trailing bracketed aside, or -1."""
    depth = 0
    for k in range(len(name) - 1, -1, -1):
        depth += (name[k] in CLOSE) - (name[k] in OPEN)
        if depth == 0:
            return k
    return -1


def _take_aside(draft: Draft, base: str, aside: str) -> bool:
    """Record what a trailing aside says; False when it is part of the name."""
    short = _SHORT_RE.match(aside)
    if short:
        draft.alias = short.group("alias").strip()
        return True
    if re.match(r"^(?:原|曾用名|更名前|变更前|原名)", aside):
        return True
    if _MANDATE_RE.match(aside):
        return True  # 王某（特别授权代理） / 张某（实习）: the agent's mandate or status, not the name
    if re.search(r"业主|经营者|个体工商户|投资人|负责人", aside):
        _aside_trade(draft, base, aside)
        return True
    return not LATIN_CJK_RE.search(aside) and bool(LATIN_CJK_RE.search(base))


def _aside_trade(draft: Draft, base: str, aside: str) -> None:
    """（业主刘亮平，…） on a shop gives its representative; （X商行经营者） on a person its trade name."""
    if is_org_name(base):
        m = re.search(r"(业主|经营者|投资人|负责人)[：:]?([^，,（(]{2,12})", aside)
        if m:
            draft.rep, draft.rep_title = m.group(2).strip(), m.group(1)
        return
    draft.sole_trader = True
    seg = SEG_RE.split(aside)[0]
    m = SOLE_RE.match(seg)
    trade = m.group("trade").strip('“”"') if m else ""
    draft.trade_name = trade if len(trade) >= 2 else draft.trade_name


def despace(text: str) -> str:
    """Remove spaces next to CJK characters, collapse the rest to one space."""
    return re.sub(r"\s+", " ", _SPACE_CJK_RE.sub("", text)).strip()


def is_org_name(name: str) -> bool:
    """Organisation-looking name (ends in 公司/厂/店/商行/…, or a foreign company form)."""
    bare = re.sub(r"[（(［\[][^）)］\]]*[）)］\]]$", "", name).strip()
    return bool(_ORG_SUFFIX_RE.search(bare) or _ORG_SUFFIX_RE.search(name))


def attach_agents(drafts: list[Draft], lead: str, rest: str) -> None:
    """Agents named on a 委托代理人 line, attached to the last party or to a group (两原告共同…)."""
    group = _agent_group(drafts, lead)
    for agent in _parse_agents(rest, group[0].name):
        for d in group:
            d.agents.append(agent)


def _agent_group(drafts: list[Draft], lead: str) -> list[Draft]:
    """The parties a (common) agent line belongs to."""
    if not re.search(r"共同|两|二|三|四|上述|以上|均|各", lead):
        return [drafts[-1]]
    role = ROLE_START_RE.search(lead)
    word = role.group(0) if role else drafts[-1].role_word
    same = [d for d in drafts if d.role_word == word or ROLE_MAP.get(d.role_word) == ROLE_MAP.get(word)]
    return same or [drafts[-1]]


def _parse_agents(rest: str, owner: str) -> list[Agent]:
    """Names (、-separated) and the organisation/title that follows them."""
    names_seg, tail = first_segment(rest)
    if _agent_org_match(names_seg) and not _SELF_ORG_RE.match(names_seg):
        return []  # 委托代理人：某律师事务所律师 — no person named
    names = [clean_name(Draft("", "", "", (0, 0)), n) for n in names_seg.split("、")]
    org, title = _agent_org(SEG_RE.split(tail), owner)
    return [Agent(name=n, organization=org, title=title) for n in names if 1 < len(n) <= 30]


def _agent_org(segments: list[str], owner: str) -> tuple[str | None, str | None]:
    """The first segment naming an organisation (该公司 → the party itself), and the title after it."""
    for raw in segments:
        seg = _TITLE_PREFIX_RE.sub("", raw.strip())
        if not seg or _NOT_TITLE_RE.match(seg):
            continue
        self_org = _SELF_ORG_RE.match(seg)
        if self_org:
            return owner, seg[self_org.end() :] or None
        m = _agent_org_match(seg)
        if m:
            return m.group("org").removeprefix("中华人民共和国"), m.group("title").strip() or None
    return None, None


def _agent_org_match(seg: str) -> re.Match[str] | None:
    """Organisation at the start of a segment: companies (longest), then law firms, then others."""
    for rx in _AGENT_ORG_RES:
        m = rx.match(seg)
        if m:
            return m
    return None


def set_rep(draft: Draft, key: str, rest: str) -> None:
    """法定代表人/负责人/经营者 line: the representative's name and title."""
    name, tail = first_segment(rest)
    name = clean_name(Draft("", "", "", (0, 0)), name)
    if not name or len(name) > 40:
        return
    draft.rep = name
    title = _rep_title(SEG_RE.split(tail)[0] if tail else "", draft.name)
    draft.rep_title = title or (key if key != "法定代表人" else None)


def _rep_title(seg: str, party: str) -> str | None:
    """Clean a title: drop 系/该公司/the party's own name; None for gender, dates and addresses."""
    seg = _TITLE_PREFIX_RE.sub("", seg.strip())
    seg = seg.removeprefix(party)
    seg = _SELF_ORG_RE.sub("", seg).strip()
    return None if not seg or _NOT_TITLE_RE.match(seg) or len(seg) > 20 else seg
