"""Masking of personal data for the ``consumer`` role, following the courts' publication practice.

It works from the data, never from which detector or route produced it:

- natural persons are the dicts with ``kind: "person"`` (or ``personal: true`` nodes) and the party
  uids ``per-…`` whose names the caller looked up (:func:`persons_in`); their names and aliases, and
  the values of person-name fields (``legal_representative``, ``inventors`` …), become surname + 某
  (李琴宁 → 李某), numbered 李某1, 李某2 … (in order of uid) where two people would collide;
  the names are replaced in *every* string of the response, free text included;
- identity numbers, birth dates, phones and e-mails are masked in every field and in free text
  (ID numbers also when written with spaces, dashes or full-width digits; 1994年11月2日出生);
- addresses are masked on persons and in free text; an organisation's structured address, its
  USCC and its name stay (public registry data);
- keys (uids, case numbers, hashes) are kept so that clients can still follow links.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

MASK = "***"
ANY_DIGIT = "[0-9\uff10-\uff19]"
_SEP = "[ \u3000\\-\uff0d\u2010-\u2015]?"
ID_NUMBER = re.compile(
    rf"(?<![0-9\uff10-\uff19A-Za-z])(?:{ANY_DIGIT}{_SEP}){{17}}[0-9\uff10-\uff19Xx\uff38\uff58]"
    rf"(?![0-9\uff10-\uff19A-Za-z])|(?<![0-9\uff10-\uff19A-Za-z])(?:{ANY_DIGIT}{_SEP}){{14}}{ANY_DIGIT}"
    r"(?![0-9\uff10-\uff19A-Za-z])"
)
ID_FRAGMENT = re.compile(r"(?<![0-9A-Za-z])\d{6}[*×xX＊]{4,12}[0-9Xx*]{0,4}(?![0-9A-Za-z])")
MOBILE = re.compile(
    rf"(?<![0-9\uff10-\uff19])(?:\+?86{_SEP})?[1１][3-9３-９]{ANY_DIGIT}(?:{_SEP}{ANY_DIGIT}{{4}}){{2}}"
    r"(?![0-9\uff10-\uff19])"
)
LANDLINE = re.compile(r"(?<![\d-])0\d{2,3}-?\d{7,8}(?!\d)")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
BIRTH = re.compile(
    rf"(?:出生于|生于)?{ANY_DIGIT}{{4}}\s*年\s*{ANY_DIGIT}{{1,2}}\s*月\s*{ANY_DIGIT}{{1,2}}\s*日\s*(?:出生|生)"
    rf"|(?:出生于|生于|出生日期[:：]?){ANY_DIGIT}{{4}}\s*[年\-./]\s*{ANY_DIGIT}{{1,2}}\s*[月\-./]\s*"
    rf"{ANY_DIGIT}{{1,2}}日?"
)
_PLACE = "省|自治区|市|区|县|旗|镇|乡|街道|村"
_STREET = "路|街|巷|弄|大道|胡同|里|村|组|小区|花园|大厦|社区"
ADDRESS = re.compile(
    rf"(?:住所地|住址|住|居住地|户籍地|家住|现住)[:：]?[\u4e00-\u9fff0-9\uff10-\uff19A-Za-z#\-－]{{4,60}}"
    rf"|[\u4e00-\u9fff]{{2,12}}(?:{_PLACE})[\u4e00-\u9fff0-9A-Za-z\-－]{{0,30}}?(?:{_STREET})"
    rf"[\u4e00-\u9fff0-9\uff10-\uff19A-Za-z\-－#]{{0,20}}?(?:{ANY_DIGIT}+\s*(?:号|室|栋|幢|楼|单元|组))+"
)
ALWAYS = frozenset({"id_fragment", "id_number", "birth_date", "phone", "phones", "email", "emails"})
PERSONAL = frozenset({"address", "addresses"})
PUBLIC_TEXT = frozenset({"address", "addresses"})
"""Fields left as they are on organisations (a company's registered address is public)."""
PERSON_NAME_FIELDS = frozenset(
    {"legal_representative", "legal_rep", "inventors", "inventor", "officers", "person", "persons"}
)
KEYS = frozenset(
    {
        "uid",
        "uscc",
        "sha256",
        "case_no",
        "reg_no",
        "number",
        "decision_no",
        "id",
        "source",
        "target",
        "node",
        "request_id",
        "fingerprint",
        "mention_id",
        "key",
        "detector",
        "run_id",
        "rank",
    }
)
_COMPOUND = (
    "欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫 宗政 濮阳 公冶 "
    "太叔 申屠 公孙 慕容 仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙 壤驷 公良 "
    "漆雕 乐正 宰父 谷梁 拓跋 夹谷 轩辕 令狐 段干 百里 呼延 东郭 南门 羊舌 微生 梁丘 左丘 东门 西门 第五"
)
COMPOUND_SURNAMES = frozenset(_COMPOUND.split(" "))
PERSON_UID = re.compile(r"^per-[A-Za-z0-9_-]+$")
PARTY_KEY = re.compile(r"^(?:per|org)-[A-Za-z0-9_-]+$")
ARROW = " → "


def surname_form(name: str) -> str:
    """李琴宁 → 李某, 欧阳娜娜 → 欧阳某; an already anonymised name (张某, 李×) is kept."""
    name = name.strip()
    if not name or "某" in name or "×" in name or "*" in name:
        return name
    if not _is_han(name[0]):
        return name[0].upper() + "某"
    head = name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]
    return head + "某"


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def pseudonyms(persons: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Full name → the masked form, per ``(uid, name)``; 李某1, 李某2 (by uid) where two collide."""
    first_uid: dict[str, str] = {}
    for uid, name in sorted(persons):
        name = name.strip()
        if len(name) >= 2 and surname_form(name) != name:
            first_uid.setdefault(name, uid)
    groups: dict[str, list[str]] = {}
    for name, _uid in sorted(first_uid.items(), key=lambda item: (item[1], item[0])):
        groups.setdefault(surname_form(name), []).append(name)
    out: dict[str, str] = {}
    for base, names in groups.items():
        for i, name in enumerate(names, 1):
            out[name] = base if len(names) == 1 else f"{base}{i}"
    return out


def persons_in(data: Any) -> list[tuple[str, str]]:
    """``(uid, name)`` of every natural person the data itself describes (kind, person-name fields)."""
    found: list[tuple[str, str]] = []
    _collect(data, found)
    return found


def _collect(data: Any, found: list[tuple[str, str]]) -> None:
    if isinstance(data, list):
        for v in data:
            _collect(v, found)
    elif isinstance(data, dict):
        if data.get("kind") == "person" or PERSON_UID.match(str(data.get("uid") or data.get("key") or "")):
            uid = str(data.get("uid") or data.get("key") or data.get("id") or "")
            for name in [data.get("name"), *(data.get("aliases") or [])]:
                if isinstance(name, str):
                    found.append((uid or name, name))
        for key, value in data.items():
            if key in PERSON_NAME_FIELDS:
                found.extend(("~" + n, n) for n in _names(value))
            _collect(value, found)


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return [value["name"]] if value.get("kind") != "org" else []
    return []


def mask(data: Any, persons: Iterable[tuple[str, str]] = ()) -> Any:
    """A copy of a JSON-like value with personal data masked; ``persons`` adds ``(uid, name)`` of
    natural persons looked up elsewhere (the flag list names people only in its reasons)."""
    names = pseudonyms([*persons, *persons_in(data)])
    pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True)))) if names else None
    return _Masker(names, pattern).walk(data, person=False)


class _Masker:
    def __init__(self, names: dict[str, str], pattern: re.Pattern[str] | None) -> None:
        self.names, self.pattern = names, pattern

    def walk(self, data: Any, person: bool) -> Any:
        if isinstance(data, dict):
            return self.dict(data, person or _is_person(data))
        if isinstance(data, list):
            return [self.walk(v, person) for v in data]
        if isinstance(data, str):
            return self.text(data)
        return data

    def dict(self, d: dict[str, Any], person: bool) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in d.items():
            if value is None:
                out[key] = None
            elif key in ALWAYS or (person and key in PERSONAL):
                out[key] = _blank(value)
            elif key in KEYS and isinstance(value, str):
                out[key] = self.path_key(value) if ARROW in value else value
            elif key in PUBLIC_TEXT and not person:
                out[key] = value
            else:
                out[key] = self.walk(value, person)
        label = d.get("label")  # a node label, or a display row's {zh, en} (flag evidence_view)
        if not isinstance(label, str):
            return out
        if label in {"Phone", "Email"} or (d.get("personal") is True and label == "Address"):
            out.update(name=MASK, key=MASK)
        return out

    def path_key(self, value: str) -> str:
        """An evidence key ``uid → value``: the uids stay, the values are masked as text."""
        parts = value.split(ARROW)
        return ARROW.join(p if PARTY_KEY.match(p.strip()) else self.text(p) for p in parts)

    def text(self, text: str) -> str:
        if self.pattern is not None:
            text = self.pattern.sub(lambda m: self.names[m.group(0)], text)
        return mask_text(text)


def _is_person(d: dict[str, Any]) -> bool:
    return d.get("kind") == "person" or d.get("personal") is True


def _blank(value: Any) -> Any:
    if isinstance(value, list):
        return [MASK for _ in value]
    if isinstance(value, dict):
        return {k: MASK for k in value}
    return MASK


def mask_text(text: str) -> str:
    """Mask ID numbers, birth dates, phones, e-mails and addresses inside free text."""
    if len(text) < 5:
        return text
    if "@" in text:
        text = EMAIL.sub(MASK, text)
    if any(c.isdigit() for c in text):
        text = BIRTH.sub(MASK, text)
        for pattern in (ID_NUMBER, ID_FRAGMENT, MOBILE, LANDLINE):
            text = pattern.sub(MASK, text)
    return ADDRESS.sub(MASK, text) if _may_hold_address(text) else text


def _may_hold_address(text: str) -> bool:
    return any(c in text for c in "住号室栋幢楼") and len(unicodedata.normalize("NFKC", text)) >= 6


SERVER_PATH = re.compile(r"(?<![\w.:/~%-])(?:~/|/(?!api/))(?:[^\s/'\"<>|,;()]+/)+(?=[^\s/'\"<>|,;()]*)")
"""A directory part of an absolute (or ``~``) path; URLs and the API's own ``/api/…`` paths excepted."""
SERVER_PATH_BYTES = re.compile(rb"(?<![\w.:/~%-])(?:~/|/(?!api/))[^\s/'\"<>|,;()]+/")


def strip_server_paths(data: Any) -> Any:
    """A copy with every absolute path's directories removed (``/home/x/.cache/ipclue/q/r.jsonl`` →
    ``r.jsonl``): for every role, no server path reaches a client."""
    if isinstance(data, dict):
        return {k: strip_server_paths(v) for k, v in data.items()}
    if isinstance(data, list):
        return [strip_server_paths(v) for v in data]
    if isinstance(data, str) and ("/" in data or "~" in data):
        return SERVER_PATH.sub("", data)
    return data
