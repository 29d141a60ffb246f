"""Judgment extractor: 裁判文书 text → ``Judgment`` (header, parties, body facts).

Rules only (no model). The header anchor (court / 民事判决书 / case number) is found by
``judgment_header``; the 当事人 block after it is parsed here, sentence by sentence; the body
(sections, cause, marks, amounts, outcome) by ``judgment_body``. CAIL criminal fact sections,
which have no header, go to ``judgment_criminal``.

Parties come from rules only. The one model-like stage is ``text_orgs`` (jieba tokens and
token patterns, see ``nlp``): organisations named in 查明/认为 that are not parties — suppliers,
manufacturers, shops — which no header states. ``IPCLUE_NLP=0`` switches it off.
"""

from __future__ import annotations

import re
from datetime import date

from ipclue.errors import ExtractError
from ipclue.extractors import judgment_body as body
from ipclue.extractors.cn_numbers import ARABIC_DATE_RE, YEAR_CHARS, last_cn_date, match_date, parse_cn_date
from ipclue.extractors.judgment_criminal import CRIMINAL_HINT_RE, enrich_criminal, extract_criminal_facts
from ipclue.extractors.judgment_facts import civil_findings, found_amounts
from ipclue.extractors.judgment_header import (
    CASE_NO_RE,
    CLOSE,
    LATIN_CJK_RE,
    OPEN,
    ROLE_MAP,
    ROLE_START_RE,
    SOLE_RE,
    Draft,
    Header,
    Span,
    attach_agents,
    clean_name,
    despace,
    find_header,
    first_segment,
    header_division,
    is_org_name,
    paragraph_spans,
    set_rep,
)
from ipclue.extractors.text import Document
from ipclue.extractors.text_orgs import judgment_text_orgs
from ipclue.models import Amounts, Judgment, PartyMention, SourceRef
from ipclue.normalize import normalize_case_no

__all__ = ["extract_criminal_facts", "extract_judgment", "looks_like_judgment"]

_ROLE_RE = re.compile(
    r"^(?P<role>再审申请人|申请再审人|被申请再审人|再审被申请人|被申请人|被上诉人|上诉人|原审原告|原审被告|原审第三人|"
    r"一审原告|一审被告|一审第三人|原告|被告单位|被告人|被告|第三人|公诉机关|申请人|起诉人)"
    r"(?P<qual>\s*[（(][^）)]{1,30}[）)])?\s*[：:]?\s*"
)
_NARRATIVE_RE = re.compile(
    r"一案|纠纷|诉称|辩称|不服|因与|向本院|与被告|诉被告|与被上诉人|与上诉人|提起|申请再审|上诉称"
)
_AGENT_KEY_RE = re.compile(
    r"^(?P<lead>[^，。：:,；;]{0,16}?)(?:委托诉讼代理人|委托代理人|诉讼代理人|法定代理人|指定代理人|代理人)"
    r"(?:\s*[（(][^）)]{1,12}[）)])?\s*[：:]?\s*(?!可以|应当|有权|的)"  # not 代理权限: 代理人可以…
)
_REP_KEY_RE = re.compile(
    r"^(?P<key>法定代表人|法人代表|主要负责人|负责人|经营者|投资人|业主|诉讼代表人|授权代表人|授权代表|首席代表人|首席代表|代表人|执行事务合伙人)"
    r"\s*[：:]?\s*"
)
_DETAIL_KEY_RE = re.compile(
    r"^(?:住所地|住所|住址|地址|经营地址|经营场所|注册地|通讯地址|身份证|公民身份|组织机构代码|统一社会信用代码|"
    r"社会信用代码|注册号|营业执照|联系电话|电话|国籍|户籍|现住|住)"
)
_LABEL_RE = re.compile(r"^【[^】]{1,12}】$")
_SENTENCE_END = r"[。；;]|[，,](?=法定代表人|负责人|委托代理人|委托诉讼代理人)"
_BREAK_RE = re.compile(rf"[{re.escape(OPEN + CLOSE)}]|{_SENTENCE_END}")  # a bracket or a sentence end
_ID_RE = re.compile(r"(?:公民)?身份(?:证|号)[^：:\d×xX＊*]{0,6}[：:为]?\s*([0-9Xx×＊*]{4,18})")
_ADDR_RE = re.compile(
    r"(?:^|[，,。；;]|身份证|户籍)(?:住所地|住所(?!地)|住址|经营地址|经营场所|地址|注册地|住(?![所址]))"
    r"[：:在为]?\s*([^，,。；;]+)"
)
_USCC_RE = re.compile(r"统一社会信用代码[：:为]?\s*([0-9A-Z＊*]{18})")
_GLOBAL_SHORT_RE = re.compile(
    r"[（(](?:以下简称|以下称|以下统称|下称|简称)[：:为]?[“\"”]?([^）)“”\"，,]{1,20}?)[”\"“]?[）)]"
)
_LEAD_WORDS_RE = re.compile(
    r"^.*(?:原告|被告|上诉人|被上诉人|第三人|申请人|被申请人|不服|设立|成立|委托|与|诉|经|由|向|及|和|即|的|在|将|对|系|是|为)"
)


def looks_like_judgment(text: str) -> bool:
    """Cheap check: a 判决书/裁定书/调解书 title or case number with party roles, or a criminal fact text."""
    head = re.sub(r"\s+", "", text[:6000])
    titled = re.search(r"(?:民事|刑事|行政)(?:判决|裁定|调解)书", head)
    if titled and re.search(r"(?:原告|上诉人|申请人|被告)", head):
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


def _assemble(
    doc: Document, header: Header, spans: list[Span], drafts: list[Draft], end_idx: int
) -> Judgment:
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
    division = header_division(case_no, header.division)
    findings = civil_findings(text, sections, spans) if division == "civil" else []
    judgment = Judgment(
        case_no=case_no,
        case_no_raw=header.case_no_raw,
        court=header.court,
        division=division,
        doc_type=header.doc_type,
        instance=instance,
        cause=body.find_cause(intro, header.title, names),
        decided_on=_decided_on(text),
        filed_on=_filed_on(intro + text[body_start + 400 : body_start + 1500]),
        parties=parties,
        short_names=short,
        trademark_numbers=body.trademark_numbers(text),
        patent_numbers=body.patent_numbers(text),
        prior_case_nos=body.prior_case_nos(text, case_no),
        amounts=found_amounts(findings, _amounts(text, sections, ruling)),
        outcome=body.outcome(ruling, header.doc_type, instance),
        absent_defendant=body.absent_defendant(text),
        sections=sections,
        findings=findings,
        source=SourceRef(path=doc.path, sha256=doc.sha256),
    )
    judgment.mentioned_orgs = judgment_text_orgs(judgment, text)
    return enrich_criminal(judgment, text) if judgment.division == "criminal" else judgment


def _section_text(text: str, sections: dict[str, Span], key: str) -> str:
    """The text of one section, or ''."""
    span = sections.get(key)
    return text[span[0] : span[1]] if span else ""


def _amounts(text: str, sections: dict[str, Span], ruling: str) -> Amounts:
    """Claimed (from 诉称) and awarded (from the operative part) amounts."""
    claims = _section_text(text, sections, "诉称") or text
    return Amounts(claimed=body.claimed_amount(claims), awarded=body.awarded_amount(ruling))


_DATE = rf"(?:\d{{4}}|[{YEAR_CHARS}]{{4}})\s*年[^，,。日]{{1,6}}日"
_FILED_RE = re.compile(
    rf"本院于\s*({_DATE})\s*立案|于\s*({_DATE})\s*(?:立案)?(?:受理|向本院提起|起诉至本院|诉至本院)"
)


def _filed_on(intro: str) -> date | None:
    """The filing date of this instance: 本院于2014年8月5日受理 / 立案 / 于…向本院提起诉讼."""
    m = _FILED_RE.search(intro)
    return parse_cn_date(m.group(1) or m.group(2)) if m else None


def _decided_on(text: str) -> date | None:
    """The signature date: the last Chinese-numeral date in the final part of the text."""
    return last_cn_date(text[-1500:]) or last_cn_date(text)


# ---- the 当事人 block ---------------------------------------------------------------


def _parse_block(text: str, spans: list[Span], start: int) -> tuple[list[Draft], int]:
    """Walk the paragraphs after the anchor; return the parties and the index of the first body paragraph."""
    drafts: list[Draft] = []
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
    for m in _BREAK_RE.finditer(text, span[0]):  # the end's look-ahead may read past the span
        k = m.start()
        if k >= span[1]:
            break
        ch = text[k]
        if ch in OPEN or ch in CLOSE:
            depth += 1 if ch in OPEN else -1
        elif depth <= 0:
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


def _apply(drafts: list[Draft], pos: int, sentence: str) -> None:
    """Attach one header sentence: a new party, agents, a representative or details."""
    role = _ROLE_RE.match(sentence)
    if role and sentence[role.end() :] and not _NARRATIVE_RE.search(sentence[role.end() :]):
        drafts.append(_new_draft(role, sentence, pos))
    elif not drafts:
        return
    elif (agent := _AGENT_KEY_RE.match(sentence)) is not None:
        attach_agents(drafts, agent.group("lead"), sentence[agent.end() :])
    elif (rep := _REP_KEY_RE.match(sentence)) is not None:
        set_rep(drafts[-1], rep.group("key"), sentence[rep.end() :])
    else:
        drafts[-1].details.append(sentence)
    if drafts:
        drafts[-1].span = (drafts[-1].span[0], pos + len(sentence))


def _new_draft(role: re.Match[str], sentence: str, pos: int) -> Draft:
    """A party from its role sentence: role, role text as written, name and inline details."""
    rest = sentence[role.end() :]
    raw_name, tail = first_segment(rest)
    draft = Draft(role.group("role"), despace(role.group(0).rstrip("：: ")), "", (pos, pos + len(sentence)))
    draft.name = clean_name(draft, raw_name)
    draft.details.append(tail)
    return draft


def _to_mention(d: Draft) -> PartyMention:
    """Turn a draft into a PartyMention with kind, person details and address."""
    detail = "，".join(x for x in d.details if x)
    segments = [s.strip() for s in re.split(r"[，,。；;]", detail) if s.strip()]
    person = _is_person(d.name, segments)
    if person:
        _sole_trader(d, segments)
    birth = ARABIC_DATE_RE.search(detail) if person else None
    ident = _ID_RE.search(detail)
    addr = _ADDR_RE.search("，" + detail)
    uscc = _USCC_RE.search(detail)
    return PartyMention(
        name=d.name,
        role=ROLE_MAP[d.role_word],
        role_text=d.role_text,
        kind="person" if person else "org",
        legal_representative=d.rep,
        legal_representative_title=d.rep_title,
        address=addr.group(1).strip() if addr and addr.group(1).strip() else None,
        agents=d.agents,
        uscc=uscc.group(1) if uscc else None,
        gender=next((s for s in segments if s in ("男", "女")), None),
        ethnicity=next((s for s in segments if re.fullmatch(r"[\u4e00-\u9fa5]{1,4}族", s)), None),
        birth_date=match_date(birth) if birth else None,
        id_fragment=ident.group(1) if ident else None,
        sole_trader=d.sole_trader,
        trade_name=d.trade_name,
        span=d.span,
    )


def _is_person(name: str, segments: list[str]) -> bool:
    """Person: a gender given, or a short name without an organisation suffix."""
    if any(s in ("男", "女") for s in segments[:3]):
        return True
    if is_org_name(name):
        return False
    cjk = LATIN_CJK_RE.findall(name)
    return len(cjk) <= 4 if cjk else False


def _sole_trader(d: Draft, segments: list[str]) -> None:
    """Mark a person who runs a business under a trade name (…商行经营者 / 业主 / 个体工商户)."""
    for seg in segments:
        m = SOLE_RE.match(seg)
        if m and re.search(r"经营者|业主|投资人|个体", seg):
            d.sole_trader = True
            trade = m.group("trade").strip('“”" ')
            d.trade_name = d.trade_name or (trade if len(trade) >= 2 else None)
            return


def _short_names(text: str, parties: list[PartyMention], drafts: list[Draft]) -> dict[str, str]:
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
    return cand if is_org_name(cand) and 4 <= len(cand) <= 30 else None
