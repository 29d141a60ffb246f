"""Is a judgment complete? A document cut short (a download that stopped, a file cut on a GBK
character boundary) still has its header and parties, and would load as half a case.

A complete 裁判文书 has its operative part (判决如下 / 裁定如下 / the 调解 agreement) and ends with
its signature block (审判长 / 审判员 / 书记员 …) and the date it was signed. A text with none of the
three is ``truncated``: it is quarantined with that reason rather than loaded as if it were whole.
(Published texts without the signature block alone are common — sites drop it — and still load.)
A CAIL criminal fact section is a part of a judgment by design and is not checked.
"""

from __future__ import annotations

import re

from ipclue.extractors.cn_numbers import YEAR_CHARS

SIGNATURE = re.compile(r"(?:审\s*判\s*长|审\s*判\s*员|人民陪审员|代理审判员|书\s*记\s*员|法\s*官\s*助\s*理)")
_CN = "〇○零一二三四五六七八九十"
_BLANKS = re.compile(r"[ \t\r\u3000\u00a0]+")  # \r too: a CRLF line ends in it
DATE_LINE = re.compile(rf"^(?:[{YEAR_CHARS}]{{4}}|\d{{4}})年[{_CN}元正\d]{{1,3}}月[{_CN}\d]{{1,3}}日$", re.M)
"""The signing date: a line holding only a date (dates inside the facts do not count). It is matched
after the blanks inside each line are removed: courts space the characters out (二 ○ 一 五 年 二 月),
and a year's zero is written 〇, ○, 零, O, Ｏ or 0 (the shared ``cn_numbers.YEAR_CHARS``)."""
OPERATIVE = re.compile(r"判\s*决\s*如\s*下|裁\s*定\s*如\s*下|决定如下|达成(?:如下|以下)(?:调解)?协议")
TAIL_CHARS = 1200


def missing_ending(text: str) -> list[str]:
    """What of a judgment's ending is absent: ``operative part``, ``signature``, ``date``."""
    tail = text[-TAIL_CHARS:]
    missing = []
    if not OPERATIVE.search(text):
        missing.append("operative part (判决如下 / 裁定如下 / 协议)")
    if not SIGNATURE.search(tail):
        missing.append("signature block (审判长 / 审判员 / 书记员)")
    if not DATE_LINE.search(_BLANKS.sub("", tail)):
        missing.append("signing date")
    return missing


def truncation(text: str) -> str | None:
    """Why the judgment looks cut short (no operative part, no signature block, no date), else None."""
    missing = missing_ending(text)
    return "the text has no " + ", no ".join(missing) if len(missing) == 3 else None
