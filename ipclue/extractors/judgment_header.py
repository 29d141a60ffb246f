"""Judgment header: paragraphs, the court / document type / case number anchor, the title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipclue.models import DocType, Division

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
_CASE_LINE_RE = re.compile(rf"^(?:中华人民共和国)?(?P<court>[^，。：:]{{2,30}}?法院)?(?:案号[:：]?)?(?P<no>{CASE_NO})$")
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
    if len(spans) <= 3 and len(text) > 800:
        spans = [piece for span in spans for piece in _split_flat(text, span)]
    return spans


def _split_flat(text: str, span: Span) -> list[Span]:
    """Cut one long paragraph at the flat-split markers."""
    start, end = span
    cuts = sorted({m.start() + start for m in _FLAT_SPLIT_RE.finditer(text, start, end)} | {start, end})
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]
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
