"""Canonical values are validated, never coerced: rejections carry the reason; Qichacha strings are
parsed or quarantined; a CSV quote left open does not swallow the next row; a cut judgment is caught."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from ipclue.extractors.canonical import parse_csv, parse_jsonl
from ipclue.extractors.completeness import truncation
from ipclue.extractors.dispatch import ExtractResult, extract_paths
from ipclue.extractors.qichacha import extract_qichacha
from ipclue.models import Company, Rejection, Trademark
from tests.corpus import CORPUS, need

SHA = "d" * 64
TM = {"type": "trademark", "reg_no": "41000001", "mark": "青松", "applicant": "杭州青松服饰有限公司"}


def _one(obj: dict[str, object]) -> object:
    return next(parse_jsonl(json.dumps(obj, ensure_ascii=False), path="x.jsonl", sha256=SHA))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"classes": [99]}, "classes"),
        ({"classes": [0]}, "classes"),
        ({"filed_on": "2999-01-01"}, "filed_on"),
        ({"filed_on": "1899-01-01"}, "filed_on"),
        ({"registered_on": "1949-12-31"}, "registered_on"),
        ({"mark": "青\u0000松"}, "NUL"),
    ],
)
def test_implausible_values_are_rejected_not_stored(change: dict[str, object], field: str) -> None:
    out = _one({**TM, **change})
    assert isinstance(out, Rejection) and out.reason == "invalid-record" and out.line == 1
    assert field in (out.detail or ""), out.detail


def test_negative_money_and_fair_values() -> None:
    fine = _one({"type": "penalty", "decision_no": "罚1号", "authority": "局", "party": "某公司", "fine": -5})
    assert isinstance(fine, Rejection) and "fine" in (fine.detail or "")
    ok = _one({**TM, "classes": [1, 45], "filed_on": "1950-01-01"})
    assert isinstance(ok, Trademark) and ok.classes == [1, 45]
    born = _one({"type": "company", "name": "老字号有限公司", "established_on": "1925-05-01"})
    assert isinstance(born, Company)


def _qcc(**item: object) -> list[object]:
    base = {"RegNo": "41000002", "IntCls": "25", "Name": "白杨", "ApplicantCn": "杭州白杨服饰有限公司"}
    return list(extract_qichacha([{**base, **item}], path="tm.json", sha256=SHA))


def test_qichacha_strings_are_parsed_or_quarantined_never_emptied() -> None:
    [tm] = _qcc(IntCls="第二十五类", AppDate="2020年3月4日")
    assert isinstance(tm, Trademark) and tm.classes == [25] and str(tm.filed_on) == "2020-03-04"
    [bad_date] = _qcc(AppDate="2020/13/45")
    assert isinstance(bad_date, Rejection) and bad_date.reason == "unparsed-value"
    assert "2020/13/45" in (bad_date.detail or "")
    [bad_class] = _qcc(IntCls="服装类")
    assert isinstance(bad_class, Rejection) and "服装类" in (bad_class.detail or "")
    [out_of_range] = _qcc(IntCls="99")
    assert isinstance(out_of_range, Rejection) and "classes" in (out_of_range.detail or "")


def test_an_unterminated_csv_quote_does_not_swallow_the_next_row() -> None:
    text = 'type,name,address,uscc\ncompany,甲公司,"北京,\ncompany,乙公司,上海,\ncompany,丁\n'
    out = list(parse_csv(text, path="companies.csv", sha256=SHA))
    kinds = [(type(o).__name__, getattr(o, "reason", getattr(o, "name", None))) for o in out]
    assert kinds == [
        ("Rejection", "unterminated-quote"),
        ("Company", "乙公司"),
        ("Rejection", "malformed-row"),
    ]
    assert [o.line for o in out if isinstance(o, Rejection)] == [2, 4]
    assert out[2].detail == "2 cells for 4 columns"  # type: ignore[union-attr]


def test_a_cut_judgment_is_quarantined_as_truncated(tmp_path: Path) -> None:
    source = need(CORPUS / "judgments" / "civil" / "lsz-006d3a0d68.txt")
    whole = source.read_bytes()
    text = whole.decode("utf-8")
    assert truncation(text) is None
    head = text[: text.index("判决如下")]
    (tmp_path / "cut.txt").write_bytes(head.encode("gbk", "ignore"))  # GBK, cut on a character boundary
    (tmp_path / "whole.txt").write_bytes(whole)
    result = ExtractResult.collect(extract_paths([tmp_path]))
    reasons = Counter(r.reason for r in result.rejections)
    assert reasons == {"truncated": 1} and len(result.records) == 1, reasons
    assert "判决如下" in (result.rejections[0].detail or "")
