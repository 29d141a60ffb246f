"""Blocking keys and candidate party keys of the Spark job (pure functions, no Spark)."""

from __future__ import annotations

from pathlib import PurePosixPath

from ipclue.graph.mentions import Mention
from ipclue.graph.resolve import KeyResolver
from ipclue.normalize import uscc_check_char
from ipclue.spark.files import order_key
from ipclue.spark.keys import blocking_keys, candidate_key, mention_candidate


def _uscc(body: str) -> str:
    return body + (uscc_check_char(body) or "0")


def _org(i: int, name: str, uscc: str | None = None) -> Mention:
    return Mention(id=f"s{i}:0:party:0", source=f"s{i}", slot="party:0", name=name, kind="org",
                   context="judgment.party", uscc=uscc)  # fmt: skip


def test_org_keys_and_candidates_follow_the_key_resolver() -> None:
    code = _uscc("91440300MA5DABCD1")
    with_code, without = _org(1, "深圳市甲乙科技有限公司", code), _org(2, "深圳市甲乙科技有限公司")
    assert blocking_keys(with_code) == [f"uscc:{code}", "org:深圳市甲乙科技有限公司"]
    assert blocking_keys(without) == ["org:深圳市甲乙科技有限公司"]
    groups = {k: candidate_key(k, [code]) for k in blocking_keys(with_code)}
    expected = KeyResolver().resolve([with_code, without])
    assert mention_candidate(with_code, groups) == expected[with_code.id].party_uid == f"org-{code}"
    assert mention_candidate(without, groups) == expected[without.id].party_uid


def test_a_name_without_any_code_gets_the_name_key_party() -> None:
    m = _org(3, "某某商贸行")
    assert candidate_key("org:某某商贸行", []) == KeyResolver().resolve([m])[m.id].party_uid


def test_the_smallest_code_wins_whatever_the_order() -> None:
    a, b = _uscc("91440300MA5DAAAA1"), _uscc("91440300MA5DBBBB1")
    assert candidate_key("org:x", [b, a]) == candidate_key("org:x", [a, b]) == f"org-{a}"


def test_a_lawyer_is_keyed_by_name_and_firm() -> None:
    lawyer = Mention(id="s:0:party:0:agent:0", source="s", slot="party:0:agent:0", name="王律",
                     kind="person", context="judgment.agent", organization="北京市某律师事务所")  # fmt: skip
    keys = blocking_keys(lawyer)
    assert keys == ["lawyer:王律|北京市某律师事务所"]
    assert candidate_key(keys[0], []) == KeyResolver().resolve([lawyer])[lawyer.id].party_uid


def test_order_keys_sort_as_the_local_walk_does() -> None:
    paths = [PurePosixPath(p) for p in ("/c/a-b/x", "/c/a/z", "/c/a/y.txt", "/c/ab", "/c/a.txt")]
    by_key = sorted(paths, key=lambda p: order_key(0, p))
    assert by_key == sorted(paths)
    records = [PurePosixPath(p) for p in ("/c/z/companies.jsonl", "/c/tm.CSV", "/c/b/q.json")]
    walk = sorted(paths + records, key=lambda p: order_key(0, p))
    assert [str(p) for p in walk] == [
        "/c/b/q.json",
        "/c/tm.CSV",
        "/c/z/companies.jsonl",
        *map(str, sorted(paths)),
    ]
