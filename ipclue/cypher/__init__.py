"""Cypher lives in ``.cypher`` files beside this module, loaded by name and cached."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import LiteralString

from ipclue.errors import ConfigError


@cache
def query(name: str) -> LiteralString:
    """The text of ``cypher/<name>.cypher`` (``name`` may contain a sub-folder: ``load/case``)."""
    ref = resources.files(__package__).joinpath(*f"{name}.cypher".split("/"))
    if not ref.is_file():
        raise ConfigError(f"no Cypher file named {name!r}")
    text: LiteralString = ref.read_text(encoding="utf-8")  # trusted: shipped with the package
    return text


def statements(name: str) -> list[LiteralString]:
    """A file of several statements separated by ``;`` at line ends, comments dropped."""
    text = "\n".join(line for line in query(name).splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in text.split(";\n") if s.strip().rstrip(";")]


def names(folder: str) -> list[str]:
    """All ``.cypher`` names in a folder, sorted."""
    root = resources.files(__package__).joinpath(folder)
    return sorted(f"{folder}/{p.name[:-7]}" for p in root.iterdir() if p.name.endswith(".cypher"))
