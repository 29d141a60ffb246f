"""Pure functions of the API: key parsing, masking, search variants, regions, safe names."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from neo4j.time import Date, DateTime

from ipclue.api.config import parse_keys
from ipclue.api.jobs import safe_name
from ipclue.api.masking import MASK, mask, mask_text
from ipclue.api.search import core_name, lucene, name_keys, uscc_of
from ipclue.api.stats import region_of
from ipclue.api.store import plain
from ipclue.errors import ConfigError

GOOD = "k" * 20


def test_parse_keys_colon_and_json() -> None:
    table = parse_keys(f"{GOOD}:investigator:alice, {'z' * 20}:consumer")
    assert {p.role for p in table.values()} == {"investigator", "consumer"}
    assert parse_keys(f'[{{"key": "{GOOD}", "role": "admin", "name": "root"}}]')
    assert parse_keys(f'{{"{GOOD}": "supervisor"}}')


@pytest.mark.parametrize("raw", ["changeme:admin", f"{GOOD}:god", "short:admin", "[1]", "{bad json"])
def test_parse_keys_refuses(raw: str) -> None:
    with pytest.raises(ConfigError):
        parse_keys(raw)


def test_mask_walks_everything() -> None:
    data = {
        "kind": "person",
        "address": "杭州",
        "birth_date": "1980-01-01",
        "uid": "per-1",
        "mentions": [{"id_fragment": "110101198005061234", "context": "电话 13912345678"}],
        "org": {"kind": "org", "address": "深圳", "phones": ["075588880001"]},
    }
    out = mask(data)
    assert out["address"] == MASK and out["birth_date"] == MASK and out["uid"] == "per-1"
    assert out["mentions"][0]["id_fragment"] == MASK and "13912345678" not in out["mentions"][0]["context"]
    assert out["org"]["phones"] == [MASK]


def test_mask_text_keeps_case_numbers() -> None:
    assert mask_text("(2021)粤0305民初1001号") == "(2021)粤0305民初1001号"
    assert mask_text("身份证110101198005061234，电话0755-88880001") == f"身份证{MASK}，电话{MASK}"


def test_search_variants() -> None:
    assert name_keys("深圳市星河电子有限责任公司") == ["深圳市星河电子有限公司", "深圳市星河电子有限责任公司"]
    assert core_name("深圳市星河电子（有限公司）") == "深圳市星河电子(有限公司)"
    assert core_name("ＡＢＣ有限公司") == "ABC"
    assert lucene("a:b") == 'name:"a\\:b"^4 OR aliases_text:"a\\:b"^2 OR (a\\:b)'
    assert lucene('"') != "" and lucene("有限公司") != ""
    assert uscc_of("91440300MA5D00001X") is None


def test_regions() -> None:
    assert region_of("uscc:44") == "广东" and region_of("case:(2021)粤0305民初1号") == "广东"
    assert region_of("case:nonsense") == "unknown" and region_of("unknown") == "unknown"


def test_safe_name() -> None:
    assert safe_name("../../etc/passwd", 0) == "passwd"
    assert safe_name("..", 3) == "upload-3" and safe_name("判决 1.txt", 0) == "判决_1.txt"


def test_plain_turns_temporals_into_iso_strings() -> None:
    row = {
        "on": Date(2021, 3, 1),
        "at": DateTime(2021, 3, 1, 8, 0, 0, tzinfo=UTC),
        "py": date(2020, 1, 2),
        "nested": [{"d": datetime(2020, 1, 2, 3, 4, 5)}, (1, "x", None, 2.5, True)],
    }
    assert plain(row) == {
        "on": "2021-03-01",
        "at": "2021-03-01T08:00:00.000000000+00:00",
        "py": "2020-01-02",
        "nested": [{"d": "2020-01-02T03:04:05"}, [1, "x", None, 2.5, True]],
    }
