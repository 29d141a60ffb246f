"""Canonical JSON Lines, JSON and CSV records → validated models, bad lines → Rejections."""

from __future__ import annotations

import json
from datetime import date

from ipclue.extractors.canonical import parse_csv, parse_json, parse_jsonl, sniff_csv, type_from_name
from ipclue.models import Company, Penalty, Rejection, Trademark

SHA = "a" * 64


def _line(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def test_jsonl_good_bad_and_blank_lines() -> None:
    text = "\n".join(
        [
            _line(
                {
                    "type": "trademark",
                    "reg_no": "1234567",
                    "mark": "满家丰",
                    "classes": [31],
                    "applicant": "甲公司",
                }
            ),
            "",
            _line({"type": "trademark", "reg_no": "7654321", "classes": ["x"], "applicant": "乙公司"}),
            "{not json",
            _line({"type": "boat", "name": "x"}),
            _line(["a list"]),
        ]
    )
    items = list(parse_jsonl(text, path="in.jsonl", sha256=SHA))
    good, bad, broken, unknown, listed = items
    assert isinstance(good, Trademark) and good.classes == [31]
    assert good.source.line == 1 and good.source.path == "in.jsonl"
    assert isinstance(bad, Rejection) and bad.line == 3 and bad.stage == "validate"
    assert "mark: Field required" in (bad.detail or "")
    assert "classes.0: Input should be a valid integer" in (bad.detail or "")
    assert (broken.reason, broken.line, broken.stage) == ("invalid-json", 4, "decode")  # type: ignore[union-attr]
    assert (unknown.reason, unknown.line) == ("unknown-type", 5)  # type: ignore[union-attr]
    assert (listed.reason, listed.line) == ("not-an-object", 6)  # type: ignore[union-attr]


def test_type_from_file_name_and_unknown_fields_are_errors() -> None:
    assert type_from_name("data/2024_penalties.csv") == "penalty"
    assert type_from_name("trademarks.jsonl") == "trademark"
    assert type_from_name("trademark_facts.jsonl") is None
    text = _line({"name": "甲公司", "uscc": "91320594088140947F"}) + "\n" + _line({"name": "乙", "nmae": "x"})
    first, second = parse_jsonl(text, path="companies.jsonl", sha256=SHA)
    assert isinstance(first, Company) and first.uscc == "91320594088140947F"
    assert isinstance(second, Rejection) and "nmae: Extra inputs are not permitted" in (second.detail or "")


def test_existing_source_is_kept() -> None:
    src = {"path": "orig.txt", "sha256": "b" * 64, "line": None, "kind": "penalty-text"}
    obj = {"type": "penalty", "decision_no": "X(2023)1号", "authority": "某局", "party": "甲", "source": src}
    (record,) = parse_json([obj], path="out.json", sha256=SHA)
    assert isinstance(record, Penalty) and record.source.path == "orig.txt"


CSV = """decision_no,authority,decided_on,party,uscc,marks,fine,transferred_to_police,sections
怀市监处罚(2023)302号,怀远县市场监督管理局,2023-02-27,怀远县万福计玉联农资经营部,,13217489;1234567,2000,否,
清市监处罚(2023)383号,清河县市场监督管理局,2023-13-01,清河县千聊贸易有限公司,91130534MABWY7MJ6C,,70000,是,
沙市监处字(2021)105号,三明市沙县区局,,沙县和润万家生鲜超市,92350427********7A,,,false,"{""facts"": [10, 20]}"
"""


def test_csv_cells_are_converted_per_field() -> None:
    assert sniff_csv(CSV, "penalties.csv") and not sniff_csv(CSV, "index.csv")
    first, second, third = parse_csv(CSV, path="penalties.csv", sha256=SHA)
    assert isinstance(first, Penalty)
    assert first.marks == ["13217489", "1234567"] and first.fine == 2000.0 and first.uscc is None
    assert first.decided_on == date(2023, 2, 27) and first.transferred_to_police is False
    assert first.source.line == 2
    assert (
        isinstance(second, Rejection) and second.line == 3 and (second.detail or "").startswith("decided_on:")
    )
    assert (
        isinstance(third, Penalty)
        and third.uscc == "92350427********7A"
        and third.sections == {"facts": (10, 20)}
    )


def test_csv_with_type_column_and_ragged_row() -> None:
    text = (
        "type,name,reg_no,mark,applicant,classes\n"
        "company,甲公司,,,,\ntrademark,,123456,甲,甲公司,9|35\ncompany,x,,,,,extra\n"
    )
    company, trademark, ragged = parse_csv(text, path="mixed.csv", sha256=SHA)
    assert isinstance(company, Company) and company.name == "甲公司"
    assert isinstance(trademark, Trademark) and trademark.classes == [9, 35]
    assert isinstance(ragged, Rejection) and (ragged.reason, ragged.line) == ("malformed-row", 4)
