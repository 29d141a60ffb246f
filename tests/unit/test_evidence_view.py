"""A flag's evidence as labelled rows: names for uids, outcomes by instance, amounts in words."""

from __future__ import annotations

from typing import Any

from ipclue.detect.evidence import evidence_view, keys_named

NAMES = {
    "org-1": {"name": "甲公司"},
    "org-2": {"name": "乙公司"},
    "per-9": {"name": "张三"},
    "30000001": {"mark": "星河"},
}


def _fields(row: dict[str, Any]) -> dict[str, str]:
    return {f["key"]: f["value"]["zh"] for f in row["fields"]}


def test_case_rows_name_the_parties_and_read_the_outcome_by_instance() -> None:
    items = [
        {
            "label": "Case",
            "key": "(2022)京73民终1号",
            "outcome": "upheld",
            "plaintiff": "org-1",
            "defendant": "org-2",
        },
        {
            "label": "Case",
            "key": "(2022)京0105民初1号",
            "outcome": "upheld",
            "claimed": 2_000_000,
            "absent_defendant": True,
        },
    ]
    appeal, first = evidence_view(items, NAMES)
    assert appeal["label"]["zh"] == "案件" and appeal["title"] == "(2022)京73民终1号"
    assert _fields(appeal) == {"outcome": "维持原判", "plaintiff": "甲公司", "defendant": "乙公司"}
    assert _fields(first) == {"outcome": "判决支持", "claimed": "200万元", "absent_defendant": "是"}
    assert appeal["ref"] == {"label": "Case", "key": "(2022)京73民终1号"}


def test_link_rows_read_names_and_the_law_of_a_threshold_set() -> None:
    link: dict[str, Any] = {
        "label": "SHAREHOLDER_OF",
        "key": "per-9 → org-1",
        "via": None,
        "sources": ["abc"],
    }
    penalty: dict[str, Any] = {
        "label": "Penalty",
        "key": "罚1号",
        "illegal_revenue": 82000.0,
        "threshold_set": "thresholds_2004",
        "threshold_law": "法释〔2004〕19号",
        "ties": ["per-9", "某路1号"],
    }
    row, pen = evidence_view([link, penalty], NAMES)
    assert row["label"]["zh"] == "股东" and row["title"] == "张三 → 甲公司" and row["sources"] == ["abc"]
    assert _fields(pen) == {
        "illegal_revenue": "8.2万元",
        "threshold_law": "法释〔2004〕19号",
        "ties": "张三、某路1号",
    }
    assert "thresholds_2004" not in str(pen)
    mark = evidence_view([{"label": "Trademark", "key": "30000001"}], NAMES)[0]
    assert mark["title"] == "「星河」（注册号 30000001）"
    assert keys_named([link, penalty], [{"label": "Party", "key": "org-2"}]) == [
        "org-1",
        "org-2",
        "per-9",
        "某路1号",
        "罚1号",
    ]


def test_other_detectors_fields_read_in_words() -> None:
    """Enum values in fields the display has no label for, and similar marks, read in Chinese."""
    mark = {
        "label": "Trademark",
        "key": "30000002",
        "similar_to": [{"reg_no": "30000001", "mark": "星河", "filed_on": "2015-01-01", "score": 0.95}],
        "method": "pinyin",
        "kind": "shared_address",
    }
    assignee = {"label": "Party", "key": "org-2", "role": "assignee"}
    row, party = evidence_view([mark, assignee], NAMES)
    assert _fields(row) == {
        "similar_to": "「星河」（30000001，2015-01-01，95%）",
        "method": "读音相同",
        "kind": "共同地址",
    }
    assert party["title"] == "乙公司" and _fields(party) == {"role": "受让人"}
