"""The text-org stage tokenises only the pieces of a window that hold a suffix hint (``nlp._name_tokens``):
the names found are those found on the tokens of the whole window, on every sentence window of the
real corpus's judgments and on random strings made of the characters that matter (suffixes, brackets,
separators, blanks, 和/与, place words, function words)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from ipclue.extractors import nlp
from ipclue.extractors.org_tokens import Tok, tokens
from tests.corpus import CORPUS, need

pytestmark = pytest.mark.skipif(not nlp.nlp_available(), reason="jieba not installed")

WORDS = (
    "有限公司 公司 集团 厂 店 商行 经营部 工作室 事务所 旗舰店 有限 （ ） ( ) 和 与 的 从 被告 购进 提供 某 "
    "， 、 “ ” · & - % . : ； x A 12 北京 无锡市 长沙市 雨花区 樱 湖南 迅达 红宝石 电子 科技 食品 人 为 "
    "\u9fe0 ① org-name ORG-SUFFIX"
)
PIECES = [*WORDS.split(" "), " ", "  ", "\u3000", "\t", "\r\n"]


def _whole(text: str) -> list[Tok]:
    """The tokens of the whole text (what the stage segmented before)."""
    return tokens(nlp._segment(text), text)


def _found(window: str, cut: int) -> list[tuple[str, int, int]]:
    return list(nlp._sentence_orgs(window, cut))


def _differences(windows: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    pieces = [_found(w, cut) for w, cut in windows]
    with monkeypatch.context() as m:
        m.setattr(nlp, "_name_tokens", _whole)
        wholes = [_found(w, cut) for w, cut in windows]
    for (window, _), piece, whole in zip(windows, pieces, wholes, strict=True):
        if piece != whole:
            yield f"{window!r}: {piece} != {whole}"


def test_real_windows_give_the_names_of_the_whole_window(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text("utf-8") for p in sorted(need(CORPUS / "judgments").rglob("*.txt"))]
    windows = [w[1:] for t in texts for m in nlp._SENTENCE_RE.finditer(t) if (w := nlp._window(m))]
    assert len(windows) > 4000
    assert sum(map(bool, (_found(w, c) for w, c in windows))) > 500  # names are found
    assert list(_differences(windows, monkeypatch)) == []


def test_random_strings_give_the_names_of_the_whole_string(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(11)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40))) for _ in range(20000)]
    windows = [(t, len(t)) for t in texts]
    assert sum(map(bool, (_found(w, c) for w, c in windows))) > 2000
    assert list(_differences(windows, monkeypatch)) == []


def test_pieces_without_a_hint_are_not_segmented() -> None:
    text = "被告提供的收据，载明由瑞丰电器商行出具"
    whole = _whole(text)
    comma = next(i for i, t in enumerate(whole) if t.text == "，")
    assert [t.text for t in whole[:comma]] == ["被告", "提供", "的", "收据"]
    assert nlp._name_tokens(text) == whole[comma:]
