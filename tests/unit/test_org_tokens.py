"""org_tokens gives the tokens and ORG entities of the blank ``zh`` spaCy pipeline (jieba + EntityRuler)
the text-org stage ran before: on every sentence window of the real judgments and on random strings."""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from ipclue.extractors import nlp
from ipclue.extractors.org_tokens import INNER, NAME, SUFFIX, org_spans, token_classes, tokens
from tests.corpus import CORPUS, need

spacy = pytest.importorskip("spacy")
jieba = pytest.importorskip("jieba")

WORDS = (
    "有限公司 公司 集团 厂 店 商行 经营部 工作室 事务所 旗舰店 有限 股份 分 （ ） ( ) 和 与 的 从 被告 "
    "购进 提供 某 ， 、 “ ” · & - % x A Ab 12 北京 无锡市 湖南 迅达 红宝石 电子 科技 食品 "
    "org-name ORG-SUFFIX org-inner"
)
PIECES = [*WORDS.split(" "), " ", "  ", "\u3000", "\t", "\n", "\r\n"]


def _mark_norms(doc: Any) -> Any:
    """The old pipeline's component: each token's mark in NORM."""
    for tok in doc:
        mark = nlp._mark(tok.text)
        if mark is not None:
            tok.norm_ = mark
    return doc


@cache
def reference() -> Any:
    """The spaCy pipeline as the stage built it: blank zh + jieba, the marks, an EntityRuler."""
    from spacy.lang.zh import Chinese
    from spacy.language import Language

    pipeline = Chinese.from_config({"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    if "test_org_marks" not in Language.factories:
        Language.component("test_org_marks", func=_mark_norms)
    pipeline.add_pipe("test_org_marks")
    ruler: Any = pipeline.add_pipe("entity_ruler", config={"phrase_matcher_attr": None, "validate": False})
    name, suffix = {"NORM": {"IN": [NAME, SUFFIX]}}, {"NORM": SUFFIX}
    inner = {"NORM": {"IN": [NAME, SUFFIX, INNER]}}
    paren = [{**name, "OP": "+"}, {"TEXT": {"IN": ["（", "("]}}, {**inner, "OP": "+"},
             {"TEXT": {"IN": ["）", ")"]}}, {**name, "OP": "*"}, suffix]  # fmt: skip
    ruler.add_patterns([{"label": "ORG", "pattern": [{**name, "OP": "*"}, suffix]},
                        {"label": "ORG", "pattern": paren}])  # fmt: skip
    return pipeline


def _mismatches(texts: list[str]) -> Iterator[str]:
    """Each text whose tokens or entities differ from the spaCy pipeline's."""
    for text, doc in zip(texts, reference().pipe(texts), strict=True):
        toks = tokens(jieba.cut(text), text)
        if [(t.text, t.idx) for t in doc] != list(toks):
            yield f"tokens of {text!r}"
        elif [(e.start, e.end) for e in doc.ents] != org_spans(token_classes(toks, nlp._mark)):
            yield f"entities of {text!r}"


@cache
def _windows() -> list[tuple[str, int]]:
    """Every fourth sentence window the stage reads in the real judgments, with where it cuts it."""
    texts = [p.read_text("utf-8") for p in sorted(need(CORPUS / "judgments").rglob("*.txt"))]
    return [w[1:] for t in texts for m in nlp._SENTENCE_RE.finditer(t) if (w := nlp._window(m))][::4]


def test_real_sentence_windows_match_the_spacy_pipeline() -> None:
    windows = [window for window, _ in _windows()]
    assert len(windows) > 1000
    assert list(_mismatches(windows)) == []


def test_random_strings_match_the_spacy_pipeline() -> None:
    rng = random.Random(7)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    assert list(_mismatches(texts)) == []


def test_tokens_before_the_cut_are_those_of_the_whole_window() -> None:
    """The window cut after its last suffix block, segmented block by block (cached)."""
    for window, cut in _windows():
        whole, part = tokens(jieba.cut(window), window), tokens(nlp._segment(window[:cut]), window[:cut])
        assert whole[: len(part)] == part
        assert "S" not in token_classes(whole[len(part) :], nlp._mark)


def test_spans_take_the_longest_match_first() -> None:
    assert org_spans("NNSONS") == [(0, 3), (4, 6)]
    assert org_spans("NLNRNS") == [(0, 6)]
    assert org_spans("NLNRO") == []
    assert org_spans("SS") == [(0, 2)]
