"""The word lists in ``ipclue/synth/data``: loaded once, parsed into plain tuples."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Region:
    """One district: province, city and district names, court abbreviations, 6-digit admin code."""

    province: str
    prov_abbr: str
    city: str
    city_abbr: str
    district: str
    code: str

    @property
    def municipality(self) -> bool:
        """北京市, 上海市 …: province and city are the same."""
        return self.province == self.city


def _lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of one data file."""
    text = resources.files("ipclue.synth").joinpath("data", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def surnames() -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Surnames and their weights."""
    pairs = [line.split() for line in _lines("surnames.txt")]
    return tuple(p[0] for p in pairs), tuple(int(p[1]) for p in pairs)


@cache
def given_chars() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Given-name characters: (male-leaning, female-leaning)."""
    male, female = _lines("given_chars.txt")
    return tuple(dict.fromkeys(male.split())), tuple(dict.fromkeys(female.split()))


@cache
def common_names() -> tuple[tuple[str, str], ...]:
    """Very common full names with gender."""
    return tuple((p[0], p[1]) for p in (line.split() for line in _lines("common_names.txt")))


@cache
def regions() -> tuple[Region, ...]:
    """All districts."""
    return tuple(Region(*line.split("|")) for line in _lines("regions.txt"))


@cache
def words() -> dict[str, tuple[str, ...]]:
    """Keyed word lists from words.txt."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines("words.txt"):
        key, _, rest = line.partition(":")
        out[key.strip()] = tuple(rest.split())
    return out


@cache
def typos() -> dict[str, str]:
    """Look-alike characters used for one-character typos."""
    return dict(pair.split(":") for pair in words()["typo"])


@cache
def goods() -> dict[int, str]:
    """Goods description by Nice class."""
    return {int(k): v for k, v in (line.split("|") for line in _lines("goods.txt"))}


@cache
def patent_titles() -> dict[str, tuple[str, ...]]:
    """Title templates by patent kind."""
    out: dict[str, list[str]] = {}
    for line in _lines("patent_titles.txt"):
        kind, template = line.split("|")
        out.setdefault(kind, []).append(template)
    return {k: tuple(v) for k, v in out.items()}


@cache
def patent_things() -> tuple[str, ...]:
    """Product words for patent titles."""
    return tuple(_lines("patent_things.txt")[0].split())
