"""行政处罚决定书 text → ``Penalty``: header fields, decision number, amounts and section offsets.

The decision number is stored normalised by ``normalize.clean`` (half-width brackets, no
spaces: 怀市监处罚〔2023〕302号 → 怀市监处罚(2023)302号), the key the loader merges on.
Masked credit codes (92350427********7A) are kept as published; resolution treats them as
partial keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ipclue.errors import ExtractError
from ipclue.extractors.cn_numbers import YEAR_CHARS, match_date, yuan
from ipclue.extractors.text import Document
from ipclue.extractors.text_orgs import penalty_text_orgs
from ipclue.models import PartyKind, Penalty, SourceRef, Span
from ipclue.normalize import clean, normalize_patent_no, normalize_reg_no

TITLE = "行政处罚决定书"
_CN = "\u4e00-\u9fff"
_DECISION_NO = re.compile(
    rf"[{_CN}]{{1,20}}\s*[〔\[（(【]\s*(?:19|20)\d{{2}}\s*[〕\]）)】]\s*第?\s*\d{{1,6}}\s*号"
)
_NO_PREFIX = re.compile(r"^.*?(?:决定书|文号|编号)")
_AUTHORITY = re.compile(
    rf"[{_CN}（）()]{{2,40}}?(?:市场监督管理局|市场监管局|工商行政管理局|工商局|知识产权局|版权局|"
    r"综合行政执法局|质量技术监督局|管理局|委员会|局|厅)"
)
_NUMERAL = rf"(?:\d{{1,4}}|[{YEAR_CHARS}十]{{1,4}})"
_DATE = re.compile(rf"({_NUMERAL})\s*年\s*({_NUMERAL})\s*月\s*({_NUMERAL})\s*日")
_LABEL = re.compile(
    r"(当事人(?:名称|姓名)?|主体资格证照名称|(?:统一)?社会信用代码|注册号|住所|住址|经营场所|地址|"
    r"法定代表人|负责人|经营者|投资人|(?:居民)?身份证件?(?:号码|号)?|联系电话|电话|性别|民族|出生日期|年龄)"
    r"\s*(?:[（(][^）)\n]{0,16}[）)])?\s*[:：]"
)
_LABEL_KEYS = (
    ("当事人", "party"),
    ("主体资格", "licence"),
    ("信用代码", "uscc"),
    ("注册号", "uscc"),
    ("住", "address"),
    ("经营场所", "address"),
    ("地址", "address"),
    ("法定代表人", "legal_rep"),
    ("负责人", "legal_rep"),
    ("经营者", "legal_rep"),
    ("投资人", "legal_rep"),
    ("身份证", "id"),
    ("性别", "gender"),
)
_NIL = re.compile(r"^[\\/／—\-－无/]*$|^n/?a$", re.I)
_USCC_VALUE = re.compile(r"[0-9A-Z*]{15,18}")
_ORG_HINT = re.compile(r"公司|集团|厂|店|商行|经营部|中心|超市|商场|门市|部|社|行|馆|所|坊|场")
_HEAD = r"^(?:[一二三四五六七八九十]+[、.．]\s*)?"
_SECTIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(_HEAD + pattern, re.M))
    for key, pattern in (
        ("party", r"当事人(?:名称|姓名)?\s*[:：]"),
        ("investigation", r"案件来源"),
        ("facts", r"(?:违法事实|经查|经调查|查明的事实|调查认定的?事实|当事人的?违法事实)"),
        ("evidence", r"(?:(?:主要|相关)?证据|(?:上述|以上)(?:违法)?事实[，,]?(?:主要)?有)"),
        ("basis", r"(?:(?:行政)?处罚(?:的)?依据|依据[:：]|法律依据|本局认为|案件性质|违法行为的?定性)"),
        ("decision", r"(?:(?:行政)?处罚(?:的)?(?:内容|决定如下)|.{0,80}决定(?:如下|给予|对当事人))"),
    )
)
_VIOLATIONS = (
    ("假冒专利", re.compile(r"假冒(?:他人)?专利")),
    ("专利标识不规范", re.compile(r"专利标识")),
    ("擅自开展专利代理", re.compile(r"专利代理")),
    (
        "商标侵权",
        re.compile(
            r"侵犯[^。]{0,30}?商标专用权|商标侵权|冒用[^。]{0,12}?注册商标|假冒注册商标|商标法》?第五十七条"
        ),
    ),
    ("冒充注册商标", re.compile(r"冒充注册商标")),
    ("商标违法", re.compile(r"违反[^。]{0,6}商标法")),
    ("产品质量", re.compile(r"以不合格产品冒充合格产品|产品质量法")),
)
_NUM = r"(\d[\d,，]*(?:\.\d+)?)\s*(万)?\s*元"
_REVENUE = re.compile(
    rf"(?:违法经营额|非法经营额|非法经营数额|违法经营数额|货值金额|货值)[^\d。；;\n]{{0,24}}?{_NUM}"
)
_GAIN = re.compile(rf"违法所得[^\d。；;\n]{{0,24}}?{_NUM}")
_SALES = re.compile(rf"(?:销售金额|销售额|销售收入|销售总额)[^\d。；;\n]{{0,24}}?{_NUM}")
_FINE = re.compile(rf"罚款[^\d。；;\n]{{0,24}}?{_NUM}|处以?(?:人民币)?\s*{_NUM}(?:的)?罚款")
_CONFISCATED = re.compile(r"没收[^；;。\n]{1,80}")
_POLICE = re.compile(r"移送(?:至|到|给)?[^。；\n]{0,12}?公安(?:机关|局|分局)?|涉嫌犯罪[^。\n]{0,30}?移送")
_NEGATED = re.compile(r"不|未|无需|无须|没有")
_MARK_NO = re.compile(
    r"(?:注册号|注册证号|注册证|商标号)\s*(?:为|是|:|：)?\s*第?\s*(\d{5,9})|第\s*(\d{5,9})\s*号[^。，,；\n]{0,15}?商标"
    r"|商标\s*[（(]\s*(?:注册号)?\s*第?\s*(\d{5,9})\s*号?\s*[）)]"
)
_PATENT_NO = re.compile(
    r"(?:ZL|专利号\s*(?:为|:|：)?\s*(?:ZL)?)\s*(\d{4}\s*\d\s*\d{7}\s*[.．。·]\s*[\dXx]|\d{8}\s*[.．]\s*[\dXx])"
)


def looks_like_penalty(text: str) -> bool:
    """A 行政处罚决定书: the title in the first lines, and no judgment title before it."""
    head = "\n".join(text.split("\n", 6)[:6])
    return TITLE in head and not re.search(r"判决书|裁定书|调解书", head.split(TITLE)[0])


def extract_penalty(doc: Document) -> Penalty:
    """Parse one decision; raises ExtractError when the number, authority or party is missing."""
    text = doc.text
    sections = find_sections(text)
    fields = header_fields(text, sections)
    party = fields.get("party") or _fail(doc, "no-party", "no 当事人 line")
    facts = _region(text, sections, "facts", "decision")
    order = _region(text, sections, "decision", None)
    penalty = Penalty(
        decision_no=decision_no(text)
        or _fail(doc, "no-decision-no", "no 文号 such as 某市监处罚〔2023〕1号"),
        authority=authority(text) or _fail(doc, "no-authority", "no issuing authority in title or 落款"),
        decided_on=decided_on(text),
        party=party,
        party_kind=party_kind(party, fields),
        uscc=fields.get("uscc"),
        legal_representative=fields.get("legal_rep"),
        address=fields.get("address"),
        violation=violation(facts or text),
        marks=_unique(normalize_reg_no(a or b or c) for a, b, c in _MARK_NO.findall(text)),
        patents=_unique(normalize_patent_no(m) for m in _PATENT_NO.findall(text)),
        illegal_revenue=_money(_REVENUE, facts, text),
        illegal_gain=_money(_GAIN, facts, text),
        sales_amount=_money(_SALES, facts, text),
        fine=_money(_FINE, order, text),
        confiscated="；".join(m.strip() for m in _CONFISCATED.findall(order or text)) or None,
        transferred_to_police=transferred_to_police(text),
        sections=sections,
        source=SourceRef(path=doc.path, sha256=doc.sha256, kind="penalty-text"),
    )
    penalty.mentioned_orgs = penalty_text_orgs(penalty, text)
    return penalty


def _fail(doc: Document, reason: str, detail: str) -> str:
    """Raise the ExtractError for a missing required field (typed to fit ``x or _fail(...)``)."""
    raise ExtractError(doc.path, reason, detail)


def decision_no(text: str) -> str | None:
    """The 文号, normalised by ``clean``; looked for in the title block first, then anywhere."""
    head = text[: text.find("当事人")] if "当事人" in text else text[:300]
    m = _DECISION_NO.search(head) or _DECISION_NO.search(text)
    return clean(_NO_PREFIX.sub("", m.group(0))) if m else None


def authority(text: str) -> str | None:
    """The issuing authority from the title line, else from the 落款 at the end."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:6]):
        if TITLE in line:
            before = line.split(TITLE)[0].strip() or (lines[i - 1].strip() if i else "")
            if _AUTHORITY.fullmatch(before):
                return before
    return next((ln.strip() for ln in reversed(lines[-8:]) if _AUTHORITY.fullmatch(ln.strip())), None)


def decided_on(text: str) -> date | None:
    """The last date in the closing lines (落款), in Arabic or Chinese numerals."""
    tail = "\n".join(text.split("\n")[-6:])
    dates = [d for d in (match_date(m) for m in _DATE.finditer(tail)) if d]
    return dates[-1] if dates else None


def header_fields(text: str, sections: dict[str, Span]) -> dict[str, str]:
    """Labelled party fields (当事人, 统一社会信用代码, 住所, 法定代表人 …) of the header block."""
    start = sections.get("party", (0, 0))[0]
    after = [s for key, (s, _) in sections.items() if s > start and key != "party"]
    block = text[start : min(after, default=start + 600)]
    marks = list(_LABEL.finditer(block))
    fields: dict[str, str] = {}
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        value = block[m.end() : nxt.start() if nxt else len(block)].split("\n")[0].strip(" ，,；;。")
        key = _label_key(m.group(1))
        if key and value and not _NIL.match(value):
            fields.setdefault(key, _uscc(value) if key == "uscc" else value)
    return fields


def _label_key(label: str) -> str | None:
    """Canonical key of a header label."""
    return next((key for prefix, key in _LABEL_KEYS if label.startswith(prefix) or prefix in label), None)


def _uscc(value: str) -> str:
    """The code as published, half-width; masks (``*``) are kept."""
    value = clean(value).upper().replace("＊", "*")
    m = _USCC_VALUE.search(value)
    return m.group(0) if m else value


def party_kind(party: str, fields: dict[str, str]) -> PartyKind:
    """Person when named by an ID card with no credit code and no business name, else org."""
    if fields.get("uscc"):
        return "org"
    by_id = "身份证" in fields.get("licence", "") or "gender" in fields or "id" in fields
    if by_id and not _ORG_HINT.search(party):
        return "person"
    return "org" if _ORG_HINT.search(party) or len(party) > 5 else "person"


def find_sections(text: str) -> dict[str, Span]:
    """Start and end offsets of each known section, searched in document order."""
    starts: list[tuple[str, int]] = []
    pos = 0
    for key, pattern in _SECTIONS:
        m = pattern.search(text, pos)
        if m:
            starts.append((key, m.start()))
            pos = m.start() + 1
    ends = [s for _, s in starts[1:]] + [len(text)]
    return {key: (start, end) for (key, start), end in zip(starts, ends, strict=True)}


def _region(text: str, sections: dict[str, Span], first: str, stop: str | None) -> str:
    """Text from section ``first`` up to section ``stop`` (or the end); empty if ``first`` is absent."""
    if first not in sections:
        return ""
    end = sections[stop][0] if stop in sections else len(text)
    return text[sections[first][0] : max(end, sections[first][1])]


def violation(text: str) -> str | None:
    """The violation type named in the facts: 商标侵权, 假冒专利, 专利标识不规范 …"""
    return next((name for name, pattern in _VIOLATIONS if pattern.search(text)), None)


def _money(pattern: re.Pattern[str], region: str, text: str) -> float | None:
    """The first amount the pattern finds in the region, else in the whole text."""
    m = pattern.search(region) or pattern.search(text)
    if not m:
        return None
    number, wan = next((m.group(i), m.group(i + 1)) for i in range(1, m.re.groups, 2) if m.group(i))
    return yuan(number, wan)


def transferred_to_police(text: str) -> bool:
    """True when the authority transfers the case to the police (移送公安机关), not negated."""
    for m in _POLICE.finditer(text):
        before = text[max(0, m.start() - 6) : m.start()]
        if not _NEGATED.search(m.group(0)) and not _NEGATED.search(before):
            return True
    return False


def _unique(items: Iterable[str]) -> list[str]:
    """Distinct non-empty strings in first-seen order."""
    return list(dict.fromkeys(i for i in items if i))
