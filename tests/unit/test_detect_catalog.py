"""Catalog parsing, parameters, hits and analytics without a database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from ipclue.detect import load_catalog
from ipclue.detect.analytics import components
from ipclue.detect.catalog import HeaderError, parse_detector, split_header
from ipclue.detect.hits import RowError, to_hit
from ipclue.detect.models import DetectorHeader
from ipclue.detect.params import (
    ParamError,
    check_overrides,
    override_problems,
    parse_overrides,
    query_params,
    resolve_params,
)
from ipclue.detect.render import case_text, link_path
from ipclue.detect.similarity import Mark, pinyin_of, similar_rows, similarity

BUILTIN = {
    "linked-opponents",
    "false-litigation-ring",
    "serial-infringer",
    "penalty-not-transferred",
    "trademark-squatting",
    "invalidated-right-litigation",
    "bulk-enforcement",
    "split-suits",
    "civil-to-criminal",
    "criminal-sentence-review",
    "co-offender-not-prosecuted",
}


def test_builtin_catalog_is_clean() -> None:
    catalog = load_catalog()
    assert catalog.errors == []
    assert {d.id for d in catalog.detectors} == BUILTIN
    assert all(d.header.description and " / " in d.header.title for d in catalog.detectors)


def test_split_header_requires_a_closed_comment_block() -> None:
    header, body = split_header("// ---\n// id: x\n// ---\nRETURN 1")
    assert header == "id: x" and body == "RETURN 1"
    with pytest.raises(HeaderError):
        split_header("// ---\n// id: x\nRETURN 1")
    with pytest.raises(HeaderError):
        split_header("MATCH (n) RETURN n")


def test_bad_yaml_is_refused_with_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "bad.cypher").write_text("// ---\n// id: [unclosed\n// ---\nRETURN 1\n", "utf-8")
    catalog = load_catalog(tmp_path)
    assert [Path(e.path).name for e in catalog.errors] == ["bad.cypher"]
    assert {d.id for d in catalog.detectors} == BUILTIN


def test_dated_threshold_sets_are_passed_as_a_group() -> None:
    det = load_catalog().get("penalty-not-transferred")
    assert det is not None
    params = query_params(det, resolve_params(det, {"thresholds_2025.revenue": 100000}))
    sets = params["criminal_thresholds"]
    assert [s["name"] for s in sets] == ["thresholds_2004", "thresholds_2025"]
    assert sets[0]["effective_to"] == date(2025, 4, 25) and sets[1]["effective_from"] == date(2025, 4, 26)
    assert sets[1]["unverified"] and sets[1]["values"]["revenue"] == 100000
    assert sets[0]["values"]["revenue"] == 50000 and "thresholds_2004" not in params


def test_overrides_are_parsed_as_yaml() -> None:
    assert parse_overrides(["max_hops=3", "linked-opponents.require_signal=false"]) == {
        "max_hops": 3,
        "linked-opponents.require_signal": False,
    }


def _header(**extra: object) -> DetectorHeader:
    return DetectorHeader.model_validate(
        {
            "id": "dd",
            "title": "甲 / A",
            "family": "other",
            "severity": "low",
            "version": 1,
            "legal_basis": "民事诉讼法",
            "description": "一个测试检测器",
            **extra,
        }
    )


def test_hits_are_normalised_and_fingerprinted_by_subjects() -> None:
    row = {
        "subjects": ["b", {"label": "Party", "key": "a"}, "b"],
        "evidence": [{"x": 1}, {"x": 1}],
        "score": 1.7,
        "reason": "r",
    }
    hit = to_hit(_header(), row)
    assert [s.key for s in hit.subjects] == ["a", "b"] and hit.score == 1.0 and len(hit.evidence) == 1
    assert to_hit(_header(), {**row, "subjects": ["a", "b"]}).flag_id == hit.flag_id
    with pytest.raises(RowError):
        to_hit(_header(), {**row, "evidence": "nope"})


def test_reason_facts_are_rendered_by_the_header_templates() -> None:
    header = _header(
        reason_zh="{{ case_no }}：{{ plaintiff }} 诉 {{ defendant }}，{{ outcome | outcome(instance) }}"
        "{% if claimed %}，诉请 {{ claimed | yuan }}{% endif %}",
        reason_en="{{ case_no }}: {{ plaintiff }} v. {{ defendant }}, {{ outcome | outcome(instance) }}",
    )
    facts = {
        "case_no": "(2015)京知民终字第1号",
        "plaintiff": "甲公司",
        "defendant": "乙公司",
        "outcome": "upheld",
        "instance": "second",
        "claimed": 1250000,
    }
    hit = to_hit(header, {"subjects": ["a"], "evidence": [], "score": 0.5, "reason": facts})
    assert hit.reason == "(2015)京知民终字第1号：甲公司 诉 乙公司，维持原判，诉请 125万元"
    assert hit.reason_en == "(2015)京知民终字第1号: 甲公司 v. 乙公司, judgment affirmed"
    assert hit.facts == facts
    first = to_hit(
        header,
        {
            "subjects": ["a"],
            "evidence": [],
            "score": 0.5,
            "reason": {**facts, "instance": "first", "claimed": None},
        },
    )
    assert first.reason.endswith("，判决支持") and "upheld" not in first.reason


def test_a_fact_the_template_needs_but_the_row_lacks_is_a_row_error() -> None:
    header = _header(reason_zh="{{ who }} 被处罚 {{ times }} 次")
    with pytest.raises(RowError, match="times"):
        to_hit(header, {"subjects": ["a"], "evidence": [], "score": 0.5, "reason": {"who": "甲"}})
    with pytest.raises(RowError, match="no reason_zh"):
        to_hit(_header(), {"subjects": ["a"], "evidence": [], "score": 0.5, "reason": {"who": "甲"}})


def test_a_template_that_does_not_compile_refuses_the_file(tmp_path: Path) -> None:
    text = (
        "// ---\n// id: bad-template\n// title: 坏 / Bad\n// family: other\n// severity: low\n// version: 1\n"
        "// legal_basis: 民事诉讼法\n// description: 模板不能编译\n"
        "// reason_zh: '{% if x %}没有结束'\n// ---\n"
        "RETURN [] AS subjects, [] AS evidence, 0.5 AS score, {} AS reason\n"
    )
    (tmp_path / "bad-template.cypher").write_text(text, "utf-8")
    catalog = load_catalog(tmp_path)
    assert [Path(e.path).name for e in catalog.errors] == ["bad-template.cypher"]
    assert "reason_zh" in catalog.errors[0].error


def test_components_merge_rows_sharing_a_party() -> None:
    rows = [
        {"subjects": ["a", "b"], "evidence": [{"k": 1}], "score": 0.8, "reason": "1"},
        {"subjects": ["b", "c"], "evidence": [{"k": 2}], "score": 0.6, "reason": "2"},
        {"subjects": ["x", "y"], "evidence": [{"k": 3}], "score": 0.9, "reason": "3"},
    ]
    out = components(rows, {"min_component_rows": 2})
    assert len(out) == 1 and [s["key"] for s in out[0]["subjects"]] == ["a", "b", "c"]
    assert out[0]["score"] == pytest.approx(0.7)


def test_components_merge_rows_sharing_a_tie() -> None:
    rows = [
        {"subjects": ["a", "b"], "evidence": [{"ties": ["addr1", "p1"]}], "score": 0.8, "reason": "1"},
        {"subjects": ["c", "d"], "evidence": [{"ties": ["addr1"]}], "score": 0.6, "reason": "2"},
        {"subjects": ["x", "y"], "evidence": [{"ties": ["addr2"]}], "score": 0.9, "reason": "3"},
    ]
    out = components(rows, {"min_component_rows": 2})
    assert len(out) == 1 and [s["key"] for s in out[0]["subjects"]] == ["a", "b", "c", "d"]


def _mark(reg: str, text: str, who: str, year: int) -> Mark:
    return Mark(reg, text, pinyin_of(text), date(year, 1, 1), frozenset({who}))


def test_similarity_points_from_later_to_earlier_mark_of_another_applicant() -> None:
    assert similarity(_mark("1", "华为", "a", 2010), _mark("2", "花为", "b", 2020)) == (0.95, "pinyin")
    rows = similar_rows(
        [_mark("1", "星河", "a", 2010), _mark("2", "星河", "b", 2020), _mark("3", "星河", "b", 2021)], 0.85
    )
    assert {(r["later"], r["earlier"]) for r in rows} == {("2", "1"), ("3", "1")}


def test_parse_detector_rejects_an_empty_query(tmp_path: Path) -> None:
    path = tmp_path / "x.cypher"
    path.write_text("// ---\n// id: x\n// ---\n", "utf-8")
    with pytest.raises(HeaderError):
        parse_detector(path)


def test_link_path_reads_two_hops_around_one_node_by_that_node() -> None:
    hops = [
        {"type": "SHAREHOLDER_OF", "to": "母集团", "to_party": True},
        {"type": "SHAREHOLDER_OF", "to": "乙公司", "to_party": True},
    ]
    assert link_path(hops) == "同一股东「母集团」"
    assert link_path(hops, "en") == "same shareholder “母集团”"
    derived = [{"type": "LINKED", "via": "shared_address", "through": "某路1号", "to": "乙"}]
    assert link_path(derived) == "共同地址「某路1号」"
    mixed = [
        {"type": "LEGAL_REP_OF", "to": "张三", "to_party": True},
        {"type": "SHAREHOLDER_OF", "to": "丙公司", "to_party": True},
        {"type": "BRANCH_OF", "to": "乙公司", "to_party": True},
    ]
    assert link_path(mixed) == "法定代表人/股东「张三」、分支机构"


def test_case_outcomes_read_by_instance() -> None:
    assert case_text({"case_no": "(2022)京01民初1号", "outcome": "mediated"}) == "(2022)京01民初1号（调解）"
    assert case_text({"case_no": "甲", "outcome": "upheld", "instance": "second"}) == "甲（维持原判）"
    assert case_text({"case_no": "甲", "outcome": "upheld", "instance": "first"}) == "甲（判决支持）"


def test_components_combine_row_facts_for_the_header_template() -> None:
    """Used to join the rows' sentences; rows returning facts gave "{'case_no': …}" text."""
    facts = [{"case_no": f"案{i}", "plaintiff": p, "defendant": d} for i, (p, d) in enumerate(["ab", "bc"])]
    rows = [
        {"subjects": list(f["plaintiff"] + f["defendant"]), "evidence": [], "score": 0.8, "reason": f}
        for f in reversed(facts)
    ]
    (out,) = components(rows, {"min_component_rows": 2})
    assert out["reason"] == {"n_parties": 3, "n_cases": 2, "cases": facts}
    template = "{{ n_parties }} 方 {{ n_cases }} 案：{% for c in cases %}{{ c.case_no }}{% endfor %}"
    header = _header(reason_zh=template)
    assert to_hit(header, out).reason == "3 方 2 案：案0案1"


def test_param_types_are_inferred_from_the_default_and_declared_bounds_hold() -> None:
    det = load_catalog().get("linked-opponents")
    assert det is not None
    types = {name: spec.type for name, spec in det.header.params.items()}
    assert types["max_hops"] == "int" and types["min_score"] == "number" and types["require_signal"] == "bool"
    assert types["opposed_roles"] == "list"
    assert all(spec.doc_zh for d in load_catalog().detectors for spec in d.header.params.values())
    problems = override_problems(
        det, {"min_score": "0.9", "max_hops": 9, "require_signal": 1, "opposed_roles": [["a", "b"], "c"]}
    )
    assert set(problems) == {"min_score", "max_hops", "require_signal", "opposed_roles"}
    assert "maximum 3" in problems["max_hops"] and "string" in problems["min_score"]
    assert override_problems(det, {"min_score": 1, "max_hops": 3, "agent_alone": True}) == {}
    pairs = override_problems(
        det, {"opposed_roles": [["plaintiff", "defendent"]], "passive_outcomes": ["settled"]}
    )
    assert "'defendent' is not one of" in pairs["opposed_roles"] and "settled" in pairs["passive_outcomes"]
    with pytest.raises(ParamError, match="min_score"):
        check_overrides([det], {"linked-opponents.min_score": "0.9"})


def test_map_params_check_each_key_against_the_default() -> None:
    det = load_catalog().get("penalty-not-transferred")
    assert det is not None and det.header.params["thresholds_2004"].type == "map"
    assert override_problems(det, {"thresholds_2025.revenue": 62500.5}) == {}
    problems = override_problems(det, {"thresholds_2025.revenue": "5万", "thresholds_2004.bogus": 1})
    assert (
        "expected a number" in problems["thresholds_2025.revenue"]
        and "unknown key" in problems["thresholds_2004.bogus"]
    )


def test_a_default_outside_its_own_bounds_refuses_the_header() -> None:
    with pytest.raises(ValidationError, match="maximum"):
        _header(params={"k": {"default": 5, "doc": "x", "max": 3}})
    with pytest.raises(ValidationError, match="expected an integer"):
        _header(params={"k": {"default": "5", "doc": "x", "type": "int"}})


def test_a_date_param_takes_an_iso_date_and_a_null_default_is_optional() -> None:
    det = load_catalog().get("co-offender-not-prosecuted")
    assert det is not None
    spec = det.header.params["as_of"]
    assert spec.type == "date" and spec.check(None) is None
    assert spec.check("2024-05-01") is None and spec.check(date(2024, 5, 1)) is None
    assert spec.check("2024-13-01") and spec.check(20240501)
