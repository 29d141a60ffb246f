"""jieba tokens with offsets, and the organisation-name spans over their marks, without a spaCy ``Doc``.

The text-org stage (``nlp``) used to run a blank ``zh`` spaCy pipeline: jieba's segmenter, a component
putting each token's mark in NORM, and an EntityRuler. This module computes the same tokens and the
same entities directly (most of that pipeline's time was spaCy's ``Doc``, ``Token`` objects and the
matcher, not jieba):

- ``tokens``: jieba's words aligned to the text as spaCy's ``util.get_words_and_spaces`` aligns them
  (whitespace words dropped; one space after a word is that word's trailing space; any other gap is a
  token of its own), each with its character offset.
- ``org_spans``: the EntityRuler's ORG entities for the two token patterns, ``name* suffix`` and
  ``name+ （ inner+ ） name* suffix``: every match, then the longest first (the leftmost among equals),
  dropping a match whose first or last token is taken; in token order.

``tests/unit/test_org_tokens.py`` compares both with spaCy's pipeline on the real corpus's sentences
and on random strings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

__all__ = ["INNER", "NAME", "SUFFIX", "Tok", "org_spans", "token_classes", "tokens"]

NAME, SUFFIX, INNER = "org-name", "org-suffix", "org-inner"
_CLASS = {NAME: "N", SUFFIX: "S", INNER: "I"}
_BRACKETS = {"（": "L", "(": "L", "）": "R", ")": "R"}


class Tok(NamedTuple):
    """A token: its text and its character offset in the segmented text."""

    text: str
    idx: int


def tokens(words: Iterator[str], text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """``words`` (jieba's segmentation of ``text[start:end]``) as spaCy's zh tokenizer makes them into
    tokens, with their offsets in ``text``."""
    out: list[Tok] = []
    pos, end = start, len(text) if end is None else end
    for word in words:
        if not word or word.isspace():
            continue
        first = text.index(word, pos)
        if first > pos:
            out.append(Tok(text[pos:first], pos))
        out.append(Tok(word, first))
        pos = first + len(word)
        if pos < end and text[pos] == " ":
            pos += 1
    if pos < end:
        out.append(Tok(text[pos:end], pos))
    return out


def token_classes(toks: list[Tok], mark: Callable[[str], str | None]) -> str:
    """One letter a token, what the patterns test: N name, S suffix, I inner, L/R bracket, O other.
    A token without a mark keeps its lower-cased text as NORM, as in spaCy."""
    letters = []
    for tok in toks:
        marked = mark(tok.text)
        norm = marked if marked is not None else tok.text.lower()
        letters.append(_CLASS.get(norm) or _BRACKETS.get(tok.text, "O"))
    return "".join(letters)


def org_spans(classes: str) -> list[tuple[int, int]]:
    """The entities (token start, end) the two patterns give over ``classes``."""
    seen: set[int] = set()
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(_matches(classes), key=lambda m: (m[1] - m[0], -m[0]), reverse=True):
        if start not in seen and end - 1 not in seen:
            chosen.append((start, end))
            seen.update(range(start, end))
    return sorted(chosen)


def _matches(classes: str) -> set[tuple[int, int]]:
    """Every (start, end) matching ``[NS]*S`` or ``[NS]+L[NSI]+R[NS]*S``."""
    found: set[tuple[int, int]] = set()
    last = classes.find("S")
    while last >= 0:
        run = _run_start(classes, last, "NS")
        found.update((s, last + 1) for s in range(run, last + 1))
        close = run - 1
        if close >= 1 and classes[close] == "R":
            opening = _run_start(classes, close, "NSI") - 1
            if 1 <= opening < close - 1 and classes[opening] == "L":
                found.update((s, last + 1) for s in range(_run_start(classes, opening, "NS"), opening))
        last = classes.find("S", last + 1)
    return found


def _run_start(classes: str, end: int, letters: str) -> int:
    """Where the run of ``letters`` that ends just before ``end`` starts."""
    i = end
    while i > 0 and classes[i - 1] in letters:
        i -= 1
    return i
