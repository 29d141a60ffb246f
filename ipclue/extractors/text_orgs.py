"""Organisations named in the body of a judgment or penalty, minus the record's own parties.

The token stage (``nlp.orgs_in``) finds candidate names; this module decides which sections to
read and which candidates are not new: parties and their short names, trade names, the firms of
agents, courts, procuratorates and authorities. A candidate that only repeats a party's name with
a different place prefix (无锡红宝石电子有限公司 for 无锡市红宝石电子有限公司) is the party too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from ipclue.extractors.nlp import SUFFIX_RE, name_core, orgs_in
from ipclue.models import Judgment, Penalty, Span, TextMention

__all__ = ["judgment_text_orgs", "penalty_text_orgs"]

JUDGMENT_SECTIONS = ("查明", "认为")
PENALTY_SECTIONS = ("investigation", "facts")
_OFFICIAL_RE = re.compile(
    r"法院|检察院|公安|管理局|监督局|政府|委员会|公证处|仲裁|知识产权局|商标局|海关|律师事务所|工商所|工商局|工商行政|税务|派出所"
)
_BRACKETS = str.maketrans("()", "（）")


def judgment_text_orgs(j: Judgment, text: str) -> list[TextMention]:
    """Orgs in 查明/认为 (or the whole body when neither section was found), parties excluded."""
    regions: list[tuple[str | None, Span]] = [
        (k, j.sections[k]) for k in JUDGMENT_SECTIONS if k in j.sections
    ]
    if not regions:
        start = j.sections.get("当事人", (0, 0))[1]
        regions = [(None, (start, j.sections.get("判决", (len(text), 0))[0]))]
    return _collect(text, regions, _judgment_known(j), _normalised(j.short_names))


def penalty_text_orgs(p: Penalty, text: str) -> list[TextMention]:
    """Orgs in 案件来源 and 违法事实, the party and the authority excluded."""
    regions: list[tuple[str | None, Span]] = [(k, p.sections[k]) for k in PENALTY_SECTIONS if k in p.sections]
    return _collect(text, regions, _normalised([p.party, p.authority]), set())


def _judgment_known(j: Judgment) -> set[str]:
    """Names that are the record's own: parties and their short names, trade names, agents' firms."""
    names: list[str | None] = [j.court]
    for p in j.parties:
        names += [p.name, p.trade_name, *(a.organization for a in p.agents)]
    names += [alias for alias, full in j.short_names.items() if full in names]
    return _normalised(names)


def _normalised(names: Iterable[str | None]) -> set[str]:
    """Non-empty names with half-width brackets made full-width."""
    return {n.strip().translate(_BRACKETS) for n in names if n and n.strip()}


def _collect(
    text: str, regions: Sequence[tuple[str | None, Span]], known: set[str], aliases: set[str]
) -> list[TextMention]:
    """First mention of each new name over the regions, in region order (short names skipped)."""
    out: dict[str, TextMention] = {}
    for section, (a, b) in regions:
        for name, start, end in orgs_in(text[a:b]):
            key = name.translate(_BRACKETS)
            if key not in out and key not in aliases and not _is_known(key, known):
                out[key] = TextMention(name=name, span=(a + start, a + end), section=section)
    return [m for key, m in out.items() if not _leaked(key, out)]


def _leaked(key: str, found: dict[str, TextMention]) -> bool:
    """A name that is another found name with a word or two glued on its left (要求瑞丰电器商行),
    or a tail of a longer found name (体育用品有限公司); the place-prefixed variant stays."""
    for other in found:
        if other != key and key.endswith(other) and name_core(key[: -len(other)] + "公司") != "":
            return len(key) - len(other) <= 3
        if other != key and other.endswith(key):
            return True
    return False


def _is_known(name: str, known: set[str]) -> bool:
    """An official body, or a party / short name / firm, also as a part or place-shifted variant."""
    if _OFFICIAL_RE.search(name) or name in known:
        return True
    if any(name.endswith(k) for k in known if len(k) >= 4):
        return True  # a known name with words glued on its left (驳回勃贝雷有限公司)
    core = name_core(name)
    core = core if len(core) > 2 else SUFFIX_RE.sub("", name)
    return any(name in k or _same_core(core, k) for k in known if len(k) >= 2)


def _same_core(core: str, known: str) -> bool:
    """Most of the candidate's name before its suffix reappears, in one piece, in a known name."""
    if len(core) < 2:
        return False
    m = SequenceMatcher(None, core, known, autojunk=False).find_longest_match(0, len(core), 0, len(known))
    return m.size >= 2 and m.size / len(core) >= 0.75
