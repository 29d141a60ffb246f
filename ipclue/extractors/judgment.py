"""Judgment extractor: 裁判文书 text → ``Judgment`` (header, parties, body facts).

Rules only (no model). The header anchor (court / 民事判决书 / case number) is found by
``judgment_header``; the 当事人 block after it is parsed here, sentence by sentence; the body
(sections, cause, marks, amounts, outcome) by ``judgment_body``. CAIL criminal fact sections,
which have no header, go to ``judgment_criminal``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ipclue.errors import ExtractError
from ipclue.extractors import judgment_body as body
from ipclue.extractors.cn_numbers import last_cn_date
from ipclue.extractors.judgment_criminal import CRIMINAL_HINT_RE, extract_criminal_facts
from ipclue.extractors.judgment_header import (
    CASE_NO_RE,
    ROLE_START_RE,
    Header,
    Span,
    find_header,
    header_division,
    paragraph_spans,
)
from ipclue.extractors.text import Document
from ipclue.models import Agent, Amounts, Judgment, PartyMention, Role, SourceRef
from ipclue.normalize import normalize_case_no

__all__ = ["extract_criminal_facts", "extract_judgment", "looks_like_judgment"]

_ROLE_RE = re.compile(
    r"^(?P<role>再审申请人|申请再审人|被申请再审人|再审被申请人|被申请人|被上诉人|上诉人|原审原告|原审被告|原审第三人|"
    r"一审原告|一审被告|一审第三人|原告|被告单位|被告人|被告|第三人|公诉机关|申请人|起诉人)"
    r"(?P<qual>\s*[（(][^）)]{1,30}[）)])?\s*[：:]?\s*"
)
_ROLE_MAP: dict[str, Role] = {
    "原告": "plaintiff", "起诉人": "plaintiff", "被告": "defendant", "第三人": "third_party",
    "上诉人": "appellant", "被上诉人": "appellee", "再审申请人": "retrial_applicant",
    "申请再审人": "retrial_applicant", "被申请人": "retrial_respondent",
    "被申请再审人": "retrial_respondent", "再审被申请人": "retrial_respondent",
    "原审原告": "original_party", "原审被告": "original_party", "原审第三人": "original_party",
    "一审原告": "original_party", "一审被告": "original_party", "一审第三人": "original_party",
    "公诉机关": "prosecutor", "被告人": "accused", "被告单位": "accused_unit", "申请人": "other",
}  # fmt: skip
_NARRATIVE_RE = re.compile(r"一案|纠纷|诉称|辩称|不服|因与|向本院|与被告|诉被告|与被上诉人|与上诉人|提起|申请再审|上诉称")
_AGENT_KEY_RE = re.compile(
    r"^(?P<lead>[^，。：:,；;]{0,16}?)(?:委托诉讼代理人|委托代理人|诉讼代理人|法定代理人|指定代理人|代理人)"
    r"(?:\s*[（(][^）)]{1,12}[）)])?\s*[：:]?\s*"
)
_REP_KEY_RE = re.compile(
    r"^(?P<key>法定代表人|法人代表|主要负责人|负责人|经营者|投资人|业主|诉讼代表人|授权代表|代表人|执行事务合伙人|首席代表)"
    r"\s*[：:]?\s*"
)
_DETAIL_KEY_RE = re.compile(
    r"^(?:住所地|住所|住址|地址|经营地址|经营场所|注册地|通讯地址|身份证|公民身份|组织机构代码|统一社会信用代码|"
    r"社会信用代码|注册号|营业执照|联系电话|电话|国籍|户籍|现住|住)"
)
_LABEL_RE = re.compile(r"^【[^】]{1,12}】$")
_SENTENCE_END_RE = re.compile(r"[。；;]|[，,](?=法定代表人|负责人|委托代理人|委托诉讼代理人)")
_SEG_RE = re.compile(r"[，,：:]")
_OPEN, _CLOSE = "（([［【{", "）)]］】}"
_ORG_SUFFIX_RE = re.compile(
    r"(?:公司|厂|店|商行|经营部|门市部|服务部|营业部|商场|超市|市场|中心|协会|学会|研究会|商会|联合会|总会|委员会|"
    r"大学|学院|学校|研究院|研究所|医院|集团|局|事务所|服务所|社|馆|站|电视台|总台|银行|合作社|工作室|俱乐部|"
    r"酒店|宾馆|办事处|分行|分部|商城|广场|会所|检察院|法院|政府|株式会社|Limited|LIMITED|Ltd\.?|LTD\.?|Inc\.?|"
    r"INC\.?|GmbH|Co\.|CO\.|S\.?P\.?A\.?|Company|COMPANY|Corporation|AG|LLC|B\.V\.)$"
)
_AGENT_ORG_RES = (
    re.compile(r"^(?P<org>.+(?:公司|集团))(?P<title>.*)$"),
    re.compile(r"^(?P<org>.+?(?:律师事务所|法律服务所|法律事务所|事务所)(?:[\u4e00-\u9fa5（）()]{1,12}?分所)?)(?P<title>.*)$"),
    re.compile(
        r"^(?P<org>.+?(?:法律援助中心|协会|商会|研究会|中心|大学|学院|学校|研究院|研究所|厂|局|委员会|商行|经营部|店))"
        r"(?P<title>.*)$"
    ),
)
_SELF_ORG_RE = re.compile(r"^(?:该|本|其)?(?:公司|厂|社|校|学校|协会|单位|中心|集团|院|局|店|行|部|经营部|商行|所)")
_TITLE_PREFIX_RE = re.compile(r"^(?:系|是|现任|任|为|均系|均为|现为|均是)")
_NOT_TITLE_RE = re.compile(r"^(?:男|女|\d|×|[xX＊*]|[\u4e00-\u9fa5]{1,3}族$|住|身份证|生于|出生|公民身份|特别授权|一般授权)")
_SOLE_RE = re.compile(r"^(?:系|是|为)?(?P<trade>.*?)(?:的)?(?:个体)?(?:经营者|业主|投资人|个体工商户|个体户)$")
_SHORT_RE = re.compile(r"^(?:以下简称|以下称|以下统称|下称|简称|下简称)[：:为]?[“\"”]?(?P<alias>[^“”\"]{1,24}?)[”\"“]?$")
_LATIN_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_BIRTH_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ID_RE = re.compile(r"(?:公民)?身份(?:证|号)[^：:\d×xX＊*]{0,6}[：:为]?\s*([0-9Xx×＊*]{4,18})")
_ADDR_RE = re.compile(r"(?:^|[，,。；;]|身份证|户籍)(?:住所地|住所|住址|经营地址|经营场所|地址|注册地|住)[：:在为]?\s*([^，,。；;]+)")
_USCC_RE = re.compile(r"统一社会信用代码[：:为]?\s*([0-9A-Z＊*]{18})")
_GLOBAL_SHORT_RE = re.compile(r"[（(](?:以下简称|以下称|以下统称|下称|简称)[：:为]?[“\"”]?([^）)“”\"，,]{1,20}?)[”\"“]?[）)]")
_LEAD_WORDS_RE = re.compile(
    r"^.*(?:原告|被告|上诉人|被上诉人|第三人|申请人|被申请人|不服|设立|成立|委托|与|诉|经|由|向|及|和|即|的|在|将|对|系|是|为)"
)
_SPACE_CJK_RE = re.compile(r"(?<=[\u3000-\u9fff（）])\s+|\s+(?=[\u3000-\u9fff（）])")


@dataclass
class _Draft:
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


def looks_like_judgment(text: str) -> bool:
    """Cheap check: a 判决书/裁定书/调解书 title or case number with party roles, or a criminal fact text."""
    head = re.sub(r"\s+", "", text[:6000])
    if re.search(r"[民刑行]事(?:判决|裁定|调解)书", head) and re.search(r"(?:原告|上诉人|申请人|被告)", head):
        return True
    return bool(CASE_NO_RE.search(head) and ROLE_START_RE.search(head) and "法院" in head) or bool(
        CRIMINAL_HINT_RE.search(head)
    )


def extract_judgment(doc: Document) -> Judgment:
    """Parse one judgment document; ExtractError(reason) when it is not one or lacks essentials."""
    spans = paragraph_spans(doc.text)
    paras = [doc.text[a:b].strip() for a, b in spans]
    header = find_header(paras)
    if header is None:
        if CRIMINAL_HINT_RE.search(doc.text[:3000]):
            return extract_criminal_facts(doc)
        raise ExtractError(doc.path, "not_a_judgment", "no court / document-type / case-number header found")
    _check_header(doc, header)
    drafts, end_idx = _parse_block(doc.text, spans, header.anchor + 1)
    if len(drafts) < 2:
        raise ExtractError(doc.path, "too_few_parties", f"{len(drafts)} party found in the header block")
    return _assemble(doc, header, spans, drafts, end_idx)


def _check_header(doc: Document, header: Header) -> None:
    """Raise when the header lacks a case number or a court."""
    if not header.case_no_raw:
        raise ExtractError(doc.path, "no_case_number", "a judgment header without a case number (案号)")
    if not header.court:
        raise ExtractError(doc.path, "no_court", f"no court named before {header.case_no_raw}")


def _assemble(doc: Document, header: Header, spans: list[Span], drafts: list[_Draft], end_idx: int) -> Judgment:
    """Build the Judgment from header, parties and body."""
    text = doc.text
    body_start = spans[end_idx][0] if end_idx < len(spans) else len(text)
    parties = [_to_mention(d) for d in drafts]
    case_no = normalize_case_no(header.case_no_raw)
    short = _short_names(text, parties, drafts)
    sections = body.find_sections(text, spans, body_start)
    sections["当事人"] = (drafts[0].span[0], body_start)
    ruling = _section_text(text, sections, "判决")
    instance = body.instance_of(case_no, header.title, {p.role for p in parties})
    intro = text[body_start : body_start + 400]
    names = [p.name for p in parties] + list(short)
    return Judgment(
        case_no=case_no,
        case_no_raw=header.case_no_raw,
        court=header.court,
        division=header_division(case_no, header.division),
        doc_type=header.doc_type,
        instance=instance,  # type: ignore[arg-type]
        cause=body.find_cause(intro, header.title, names),
        decided_on=_decided_on(text),
        parties=parties,
        short_names=short,
        trademark_numbers=body.trademark_numbers(text),
        patent_numbers=body.patent_numbers(text),
        prior_case_nos=body.prior_case_nos(text, case_no),
        amounts=_amounts(text, sections, ruling),
        outcome=body.outcome(ruling, header.doc_type, instance),
        absent_defendant=body.absent_defendant(text),
        sections=sections,
        source=SourceRef(path=doc.path, sha256=doc.sha256),
    )


def _section_text(text: str, sections: dict[str, Span], key: str) -> str:
    """The text of one section, or ''."""
    span = sections.get(key)
    return text[span[0] : span[1]] if span else ""


def _amounts(text: str, sections: dict[str, Span], ruling: str) -> Amounts:
    """Claimed (from 诉称) and awarded (from the operative part) amounts."""
    claims = _section_text(text, sections, "诉称") or text
    return Amounts(claimed=body.claimed_amount(claims), awarded=body.awarded_amount(ruling))


def _decided_on(text: str) -> date | None:
    """The signature date: the last Chinese-numeral date in the final part of the text."""
    return last_cn_date(text[-1500:]) or last_cn_date(text)


# ---- the 当事人 block ---------------------------------------------------------------


def _parse_block(text: str, spans: list[Span], start: int) -> tuple[list[_Draft], int]:
    """Walk the paragraphs after the anchor; return the parties and the index of the first body paragraph."""
    drafts: list[_Draft] = []
    i = start
    while i < len(spans):
        para = text[spans[i][0] : spans[i][1]].strip()
        if _LABEL_RE.match(para):
            if drafts:
                break
            i += 1
            continue
        sentences = _sentences(text, spans[i])
        if not sentences or not _is_header_sentence(sentences[0][1], bool(drafts)):
            if not (drafts and _is_wrapped_line(text, spans, i)):
                break
            drafts[-1].details[-1] += para  # a line broken mid-sentence (住所 / 地广东省…)
            i += 1
            continue
        for pos, sentence in sentences:
            _apply(drafts, pos, sentence)
        i += 1
    return drafts, i


def _is_wrapped_line(text: str, spans: list[Span], i: int) -> bool:
    """A short non-narrative line followed by another header line: the tail of a wrapped line."""
    para = text[spans[i][0] : spans[i][1]].strip()
    if len(para) > 40 or _NARRATIVE_RE.search(para) or i + 1 >= len(spans):
        return False
    nxt = _sentences(text, spans[i + 1])
    return bool(nxt) and _is_header_sentence(nxt[0][1], True)


def _sentences(text: str, span: Span) -> list[tuple[int, str]]:
    """Sentences of a paragraph (split at depth-0 。；), each with its absolute start offset."""
    out: list[tuple[int, str]] = []
    start, depth = span[0], 0
    for k in range(span[0], span[1]):
        ch = text[k]
        depth += (ch in _OPEN) - (ch in _CLOSE)
        if depth <= 0 and _SENTENCE_END_RE.match(text, k):
            _push(out, text, start, k)
            start, depth = k + 1, 0
    _push(out, text, start, span[1])
    return out


def _push(out: list[tuple[int, str]], text: str, start: int, end: int) -> None:
    """Append a stripped, non-empty sentence with its offset."""
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        out.append((start + len(piece) - len(piece.lstrip()), stripped))


def _is_header_sentence(sentence: str, have_party: bool) -> bool:
    """A party line (not narrative), or — once a party exists — an agent, representative or detail line."""
    m = _ROLE_RE.match(sentence)
    if m and sentence[m.end() :] and not _NARRATIVE_RE.search(sentence[m.end() :]):
        return True
    return have_party and bool(
        _AGENT_KEY_RE.match(sentence) or _REP_KEY_RE.match(sentence) or _DETAIL_KEY_RE.match(sentence)
    )


def _apply(drafts: list[_Draft], pos: int, sentence: str) -> None:
    """Attach one header sentence: a new party, agents, a representative or details."""
    role = _ROLE_RE.match(sentence)
    if role and sentence[role.end() :] and not _NARRATIVE_RE.search(sentence[role.end() :]):
        drafts.append(_new_draft(role, sentence, pos))
    elif not drafts:
        return
    elif (agent := _AGENT_KEY_RE.match(sentence)) is not None:
        _attach_agents(drafts, agent.group("lead"), sentence[agent.end() :])
    elif (rep := _REP_KEY_RE.match(sentence)) is not None:
        _set_rep(drafts[-1], rep.group("key"), sentence[rep.end() :])
    else:
        drafts[-1].details.append(sentence)
    if drafts:
        drafts[-1].span = (drafts[-1].span[0], pos + len(sentence))


def _new_draft(role: re.Match[str], sentence: str, pos: int) -> _Draft:
    """A party from its role sentence: role, role text as written, name and inline details."""
    rest = sentence[role.end() :]
    raw_name, tail = _first_segment(rest)
    draft = _Draft(role.group("role"), _despace(role.group(0).rstrip("：: ")), "", (pos, pos + len(sentence)))
    draft.name = _clean_name(draft, raw_name)
    draft.details.append(tail)
    return draft


def _first_segment(rest: str) -> tuple[str, str]:
    """Split off the first depth-0 comma/colon segment (the name) from the rest of a sentence."""
    depth = 0
    for k, ch in enumerate(rest):
        depth += (ch in _OPEN) - (ch in _CLOSE)
        if depth <= 0 and _SEG_RE.match(ch):
            return rest[:k], rest[k + 1 :]
    cut = re.search(r"(?<=[司厂店部行社心])(?:住所地|住所|住址|法定代表人)", rest)
    return (rest[: cut.start()], rest[cut.start() :]) if cut else (rest, "")


def _clean_name(draft: _Draft, raw: str) -> str:
    """Strip trailing asides: （以下简称X）, （原…）, （…业主）, a Latin alias; collapse spaces."""
    name = _despace(raw.strip().strip("“”\"'"))
    while name and name[-1] in _CLOSE:
        open_at = _matching_open(name)
        if open_at <= 0 or not _take_aside(draft, name[:open_at], name[open_at + 1 : -1]):
            break
        name = name[:open_at].strip()
    return name


def _matching_open(name: str) -> int:
    """Index of the bracket that opens the trailing bracketed aside, or -1."""
    depth = 0
    for k in range(len(name) - 1, -1, -1):
        depth += (name[k] in _CLOSE) - (name[k] in _OPEN)
        if depth == 0:
            return k
    return -1


def _take_aside(draft: _Draft, base: str, aside: str) -> bool:
    """Record what a trailing aside says; False when it is part of the name."""
    short = _SHORT_RE.match(aside)
    if short:
        draft.alias = short.group("alias").strip()
        return True
    if re.match(r"^(?:原|曾用名|更名前|变更前|原名)", aside):
        return True
    if re.search(r"业主|经营者|个体工商户|投资人|负责人", aside):
        _aside_trade(draft, base, aside)
        return True
    return not _LATIN_CJK_RE.search(aside) and bool(_LATIN_CJK_RE.search(base))


def _aside_trade(draft: _Draft, base: str, aside: str) -> None:
    """（业主刘亮平，…） on a shop gives its representative; （X商行经营者） on a person its trade name."""
    if _is_org_name(base):
        m = re.search(r"(业主|经营者|投资人|负责人)[：:]?([^，,（(]{2,12})", aside)
        if m:
            draft.rep, draft.rep_title = m.group(2).strip(), m.group(1)
        return
    draft.sole_trader = True
    seg = _SEG_RE.split(aside)[0]
    m = _SOLE_RE.match(seg)
    trade = m.group("trade").strip("“”\"") if m else ""
    draft.trade_name = trade if len(trade) >= 2 else draft.trade_name


def _despace(text: str) -> str:
    """Remove spaces next to CJK characters, collapse the rest to one space."""
    return re.sub(r"\s+", " ", _SPACE_CJK_RE.sub("", text)).strip()


def _is_org_name(name: str) -> bool:
    """Organisation-looking name (ends in 公司/厂/店/商行/…, or a foreign company form)."""
    bare = re.sub(r"[（(［\[][^）)］\]]*[）)］\]]$", "", name).strip()
    return bool(_ORG_SUFFIX_RE.search(bare) or _ORG_SUFFIX_RE.search(name))


def _attach_agents(drafts: list[_Draft], lead: str, rest: str) -> None:
    """Agents named on a 委托代理人 line, attached to the last party or to a group (两原告共同…)."""
    group = _agent_group(drafts, lead)
    for agent in _parse_agents(rest, group[0].name):
        for d in group:
            d.agents.append(agent)


def _agent_group(drafts: list[_Draft], lead: str) -> list[_Draft]:
    """The parties a (common) agent line belongs to."""
    if not re.search(r"共同|两|二|三|四|上述|以上|均|各", lead):
        return [drafts[-1]]
    role = ROLE_START_RE.search(lead)
    word = role.group(0) if role else drafts[-1].role_word
    same = [d for d in drafts if d.role_word == word or _ROLE_MAP.get(d.role_word) == _ROLE_MAP.get(word)]
    return same or [drafts[-1]]


def _parse_agents(rest: str, owner: str) -> list[Agent]:
    """Names (、-separated) and the organisation/title that follows them."""
    names_seg, tail = _first_segment(rest)
    if _agent_org_match(names_seg) and not _SELF_ORG_RE.match(names_seg):
        return []  # 委托代理人：某律师事务所律师 — no person named
    names = [_clean_name(_Draft("", "", "", (0, 0)), n) for n in names_seg.split("、")]
    org, title = _agent_org(_SEG_RE.split(tail), owner)
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


def _set_rep(draft: _Draft, key: str, rest: str) -> None:
    """法定代表人/负责人/经营者 line: the representative's name and title."""
    name, tail = _first_segment(rest)
    name = _clean_name(_Draft("", "", "", (0, 0)), name)
    if not name or len(name) > 40:
        return
    draft.rep = name
    title = _rep_title(_SEG_RE.split(tail)[0] if tail else "", draft.name)
    draft.rep_title = title or (key if key != "法定代表人" else None)


def _rep_title(seg: str, party: str) -> str | None:
    """Clean a title: drop 系/该公司/the party's own name; None for gender, dates and addresses."""
    seg = _TITLE_PREFIX_RE.sub("", seg.strip())
    seg = seg.removeprefix(party)
    seg = _SELF_ORG_RE.sub("", seg).strip()
    return None if not seg or _NOT_TITLE_RE.match(seg) or len(seg) > 20 else seg


def _to_mention(d: _Draft) -> PartyMention:
    """Turn a draft into a PartyMention with kind, person details and address."""
    detail = "，".join(x for x in d.details if x)
    segments = [s.strip() for s in re.split(r"[，,。；;]", detail) if s.strip()]
    person = _is_person(d.name, segments)
    if person:
        _sole_trader(d, segments)
    birth = _BIRTH_RE.search(detail) if person else None
    ident = _ID_RE.search(detail)
    addr = _ADDR_RE.search("，" + detail)
    uscc = _USCC_RE.search(detail)
    return PartyMention(
        name=d.name,
        role=_ROLE_MAP[d.role_word],
        role_text=d.role_text,
        kind="person" if person else "org",
        legal_representative=d.rep,
        legal_representative_title=d.rep_title,
        address=addr.group(1).strip() if addr and addr.group(1).strip() else None,
        agents=d.agents,
        uscc=uscc.group(1) if uscc else None,
        gender=next((s for s in segments if s in ("男", "女")), None),
        ethnicity=next((s for s in segments if re.fullmatch(r"[\u4e00-\u9fa5]{1,4}族", s)), None),
        birth_date=_safe_date(birth) if birth else None,
        id_fragment=ident.group(1) if ident else None,
        sole_trader=d.sole_trader,
        trade_name=d.trade_name,
        span=d.span,
    )


def _is_person(name: str, segments: list[str]) -> bool:
    """Person: a gender given, or a short name without an organisation suffix."""
    if any(s in ("男", "女") for s in segments[:3]):
        return True
    if _is_org_name(name):
        return False
    cjk = _LATIN_CJK_RE.findall(name)
    return len(cjk) <= 4 if cjk else False


def _sole_trader(d: _Draft, segments: list[str]) -> None:
    """Mark a person who runs a business under a trade name (…商行经营者 / 业主 / 个体工商户)."""
    for seg in segments:
        m = _SOLE_RE.match(seg)
        if m and re.search(r"经营者|业主|投资人|个体", seg):
            d.sole_trader = True
            trade = m.group("trade").strip("“”\" ")
            d.trade_name = d.trade_name or (trade if len(trade) >= 2 else None)
            return


def _safe_date(m: re.Match[str]) -> date | None:
    """A date from a Y/M/D match, None when out of range."""
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _short_names(text: str, parties: list[PartyMention], drafts: list[_Draft]) -> dict[str, str]:
    """（以下简称X） definitions mapped to the full name they follow (party names first)."""
    out = {d.alias: d.name for d in drafts if d.alias}
    names = sorted({p.name for p in parties}, key=len, reverse=True)
    for m in _GLOBAL_SHORT_RE.finditer(text):
        alias = m.group(1).strip()
        before = text[max(0, m.start() - 60) : m.start()]
        full = next((n for n in names if before.endswith(n)), None) or _name_before(before)
        if full and alias not in out and alias != full:
            out[alias] = full
    return out


def _name_before(before: str) -> str | None:
    """The organisation name that ends right before a （以下简称…） aside, if any."""
    m = re.search(r"([^，,。；;：:、“”\"\s（）()]{2,40})$", before)
    if not m:
        return None
    cand = _LEAD_WORDS_RE.sub("", m.group(1))
    return cand if _is_org_name(cand) and 4 <= len(cand) <= 30 else None
