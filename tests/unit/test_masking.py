"""Consumer masking as the courts publish: surname + 某, stable numbers on collision, identifiers in text."""

from __future__ import annotations

import pytest

from ipclue.api.masking import MASK, mask, mask_text, pseudonyms, strip_server_paths, surname_form


def test_surname_form_keeps_the_surname() -> None:
    assert surname_form("李琴宁") == "李某" and surname_form("欧阳娜娜") == "欧阳某"
    assert surname_form("张某") == "张某" and surname_form("王×") == "王×"


def test_collisions_get_stable_numbers_per_person() -> None:
    names = pseudonyms([("per-b", "李建国"), ("per-a", "李琴宁"), ("per-c", "王芳"), ("per-d", "李琴宁")])
    assert names == {"李琴宁": "李某1", "李建国": "李某2", "王芳": "王某"}
    again = pseudonyms([("per-a", "李琴宁"), ("per-b", "李建国")])
    assert again == {"李琴宁": "李某1", "李建国": "李某2"}


def test_names_are_masked_in_every_string_from_the_data() -> None:
    data = {
        "reason": "李琴宁与其弟李建国共同经营，欧阳娜娜任监事",
        "subjects": [{"label": "Party", "key": "per-1"}],
        "subgraph": {"nodes": [{"key": "per-3", "kind": "person", "name": "欧阳娜娜"}]},
        "org": {"kind": "org", "name": "星河公司", "legal_representative": "赵六一"},
        "note": "法定代表人赵六一",
    }
    out = mask(data, [("per-1", "李琴宁"), ("per-2", "李建国")])
    assert out["reason"] == "李某1与其弟李某2共同经营，欧阳某任监事"
    assert out["subgraph"]["nodes"][0]["name"] == "欧阳某" and out["subjects"][0]["key"] == "per-1"
    assert out["org"] == {"kind": "org", "name": "星河公司", "legal_representative": "赵某"}
    assert out["note"] == "法定代表人赵某"


@pytest.mark.parametrize(
    "text",
    [
        "身份证号110101199411021234",
        "身份证号 1101 0119 9411 0212 34",
        "身份证号110101-19941102-123X",
        "身份证号１１０１０１１９９４１１０２１２３４",
        "公民身份号码110101********1234",
        "1994年11月2日出生",
        "出生于1994年11月2日",
        "电话139-1234-5678",
        "电话 +86 139 1234 5678",
        "邮箱 li.qin@example.com",
        "住浙江省杭州市西湖区文三路100号",
        "住所地：北京市海淀区中关村大街27号1101室",
    ],
)
def test_identifiers_in_free_text(text: str) -> None:
    out = mask_text(text)
    assert MASK in out
    assert not any(c.isdigit() for c in out.replace(MASK, "")), out
    assert "@" not in out and "1994" not in out and "文三路" not in out and "中关村" not in out


def test_what_stays() -> None:
    for text in ("(2021)粤0305民初1001号", "深圳市南山区人民法院", "罚款50000元", "第25类商标"):
        assert mask_text(text) == text
    org = mask({"kind": "org", "address": "深圳市南山区科技园一路1号", "uscc": "91440300MA5D000015"})
    assert org["address"] == "深圳市南山区科技园一路1号" and org["uscc"] == "91440300MA5D000015"
    person = mask({"kind": "person", "address": "杭州", "emails": ["a@b.cn"], "uid": "per-1", "name": "王五"})
    assert person == {"kind": "person", "address": MASK, "emails": [MASK], "uid": "per-1", "name": "王某"}


def test_no_server_path_reaches_a_client() -> None:
    data = {
        "path": "/root/.cache/ipclue/jobs/job-1/in/a.txt",
        "error": "FileNotFoundError: '/work/shared/corpus/x.txt'; see ~/.cache/ipclue/q/r.jsonl",
        "instance": "/api/v1/parties/x",
        "url": "https://example.org/a/b",
        "rel": "sample/a.txt",
    }
    out = strip_server_paths(data)
    assert out["path"] == "a.txt" and "/work" not in out["error"] and "~" not in out["error"]
    assert "x.txt" in out["error"] and "r.jsonl" in out["error"]
    assert out["instance"] == data["instance"] and out["url"] == data["url"] and out["rel"] == data["rel"]


def test_evidence_keys_keep_uids_and_mask_values() -> None:
    item = {"label": "LOCATED_AT", "key": "per-ab12 → 浙江省杭州市西湖区文三路100号", "id": "x"}
    out = mask({"evidence": [item]})["evidence"][0]
    assert out["key"].startswith("per-ab12 → ") and "文三路" not in out["key"] and out["id"] == "x"


def test_display_rows_with_bilingual_labels_are_masked_too() -> None:
    """Flag detail's evidence_view rows carry ``label: {zh, en}``, not a node label string."""
    row = {
        "label": {"zh": "当事人", "en": "Party"},
        "title": "李琴宁",
        "ref": {"label": "Party", "key": "per-1"},
        "fields": [
            {"key": "phone", "name": {"zh": "电话", "en": "Phone"}, "value": {"zh": "13812345678", "en": "x"}}
        ],
    }
    out = mask({"evidence_view": [row]}, [("per-1", "李琴宁")])["evidence_view"][0]
    assert out["title"] == "李某" and "13812345678" not in str(out)
