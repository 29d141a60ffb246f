"""The text-org stage: names in running prose, parties excluded, switchable by IPCLUE_NLP."""

from __future__ import annotations

import pytest

from ipclue.extractors.nlp import nlp_available, orgs_in
from ipclue.extractors.text_orgs import penalty_text_orgs
from ipclue.graph.build import STEPS, build_rows
from ipclue.graph.mentions import mentions_of
from ipclue.graph.resolve import KeyResolver
from ipclue.models import Penalty, SourceRef, TextMention

pytestmark = pytest.mark.skipif(not nlp_available(), reason="jieba not installed")
SRC = SourceRef(path="p.txt", sha256="a" * 64)


def _penalty(**fields: object) -> Penalty:
    return Penalty.model_validate(
        {"decision_no": "温市监处罚(2023)1号", "authority": "温州市市场监督管理局", "party": "温州市百货商行",
         "source": SRC, **fields}
    )  # fmt: skip


def _names(text: str) -> list[str]:
    return [name for name, _, _ in orgs_in(text)]


def test_finds_suppliers_and_shops_with_offsets() -> None:
    text = "经查，当事人从义乌市鑫达日用品有限公司购进涉案商品，并供给青岚湖笔厂和南京金桥建华五金经营部。"
    found = orgs_in(text)
    assert [n for n, _, _ in found] == ["义乌市鑫达日用品有限公司", "青岚湖笔厂", "南京金桥建华五金经营部"]
    assert all(text[a:b] == n for n, a, b in found)


def test_left_edge_stops_at_verbs_and_roles() -> None:
    assert _names("被告提供瑞丰电器商行出具的收据") == ["瑞丰电器商行"]
    assert _names("商标注册人为湖南迅达集团有限公司") == ["湖南迅达集团有限公司"]


def test_generic_and_official_words_are_not_names() -> None:
    assert _names("原告公司在该店及专卖店购买，经国家工商行政管理局商标局核准") == []


def test_penalty_excludes_party_and_authority() -> None:
    text = "违法事实：当事人温州市百货商行从台州市黄岩永达塑料厂购进假冒产品。"
    penalty = _penalty(sections={"facts": (0, len(text))})
    assert [m.name for m in penalty_text_orgs(penalty, text)] == ["台州市黄岩永达塑料厂"]


def test_disabled_by_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPCLUE_NLP", "0")
    assert orgs_in("从义乌市鑫达日用品有限公司购进") == []
    assert not nlp_available()


def test_mentions_and_rows_include_mentioned_in() -> None:
    orgs = [TextMention(name="台州市黄岩永达塑料厂", span=(10, 20), section="facts")]
    penalty = _penalty(mentioned_orgs=orgs)
    mentions = mentions_of(penalty)
    text_org = next(m for m in mentions if m.context == "penalty.text_org")
    assert (text_org.kind, text_org.span, text_org.slot) == ("org", (10, 20), "text_org:0")
    rows = dict(build_rows([penalty], mentions, KeyResolver().resolve(mentions)).by_step())
    edge = rows["mentioned_in"][0]
    assert (edge["label"], edge["section"], edge["span_start"], edge["span_end"]) == (
        "Penalty",
        "facts",
        10,
        20,
    )
    assert STEPS.index("mentioned_in") == STEPS.index("penalised_in") + 1
