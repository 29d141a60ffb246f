"""Text and identifier normalisation shared by extractors, resolution and the API."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
_SPACE_RE = re.compile(r"\s+")


# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to their half-width forms.
_HALFWIDTH = {0x3000: " ", **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}}
_BRACKETS = {"〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")"}
# What ``clean`` maps in one pass: half-width first, then the brackets (so ［ becomes "(" too).
_CLEAN = {code: _BRACKETS.get(half, half) for code, half in _HALFWIDTH.items()} | {
    ord(k): v for k, v in _BRACKETS.items()
}


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (Ａ１（）) to half-width; leaves CJK untouched."""
    return text.translate(_HALFWIDTH)


@lru_cache(maxsize=1 << 16)
def clean(text: str) -> str:
    """NFKC-ish clean-up for matching: half-width, no spaces, unified brackets.

    Cached: resolution cleans the same names and codes several times per mention.
    """
    return _SPACE_RE.sub("", unicodedata.normalize("NFC", text.translate(_CLEAN)))


def uscc_check_char(first17: str) -> str | None:
    """The GB 32100-2015 check character for the first 17 characters, or None if invalid."""
    try:
        total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    except ValueError:
        return None
    return _USCC_ALPHABET[(31 - total % 31) % 31]


@lru_cache(maxsize=1 << 16)
def valid_uscc(code: str | None) -> bool:
    """True for an 18-character 统一社会信用代码 whose check character is right (cached: resolution
    asks twice per organisation mention)."""
    if not code:
        return False
    code = clean(code).upper()
    if not _USCC_RE.match(code):
        return False
    return uscc_check_char(code[:17]) == code[17]


def masked_uscc(code: str | None) -> bool:
    """A published, partly masked code such as 92350427********7A: a partial key only."""
    return bool(code) and "*" in (code or "")


def normalize_case_no(raw: str) -> str:
    """案号 with half-width brackets and no spaces.

    （2015）长中民五初字第01129号 → (2015)长中民五初字第01129号.
    """
    return clean(raw).replace("〔", "(").replace("〕", ")")


def normalize_reg_no(raw: str) -> str:
    """Trademark registration number: digits only (第1234567号 → 1234567)."""
    return re.sub(r"\D", "", to_halfwidth(raw))


def normalize_copyright_no(raw: str) -> str:
    """Copyright registration number: half-width, no spaces, upper case (2016sr309930 → 2016SR309930)."""
    return clean(raw).upper()


def normalize_patent_no(raw: str) -> str:
    """Patent number as ZL + digits + . + check: ZL 2019 1 0001234.5 → ZL201910001234.5."""
    s = clean(raw).upper().replace("。", ".")
    if not s.startswith("ZL") and re.match(r"^\d", s):
        s = "ZL" + s
    return s


def normalize_phone(raw: str) -> str:
    digits = re.sub(r"\D", "", to_halfwidth(raw))
    return digits[2:] if digits.startswith("86") and len(digits) == 13 else digits


def normalize_address(raw: str) -> str:
    return clean(raw)


# Below the district: a street, lane, house number, village, building. 街道 (a sub-district office)
# and 开发区 names are administrative areas, not places.
_PLACE_RE = re.compile(
    r"\d|[零〇一二三四五六七八九十百]+[号栋幢楼层室弄]|[路街巷弄村]|胡同|大道|社区|大厦|广场|园"
)
_AREA_WORDS = ("街道办事处", "街道")


def address_is_specific(value: str) -> bool:
    """Whether an address names a place (street, number, village), not only a region.

    "福建省福州市仓山区" or "江苏省无锡市" is shared by many unrelated parties by its nature, so it
    is never evidence of identity or of a relationship; "仓山区建新镇金山大道618号" is.
    """
    text = value
    for word in _AREA_WORDS:
        text = text.replace(word, "")
    return bool(_PLACE_RE.search(text))


def normalize_email(raw: str) -> str:
    return clean(raw).lower()
