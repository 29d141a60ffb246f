"""List parameters go to the driver as Batch: packed like a list, with a repr that does not grow."""

from __future__ import annotations

import io

from neo4j._codec.packstream.v1 import Packer

from ipclue.graph.db import Batch, bolt_params


def _packed(value: object) -> bytes:
    out = io.BytesIO()
    Packer(out).pack(value)
    return out.getvalue()


def test_a_batch_packs_to_the_bytes_of_its_list() -> None:
    rows = [{"uid": f"org-{i}", "names": ["甲", "乙"], "score": i / 3, "none": None} for i in range(50)]
    assert _packed({"rows": Batch(rows)}) == _packed({"rows": rows})


def test_a_batch_repr_is_its_length_not_its_rows() -> None:
    rows = [{"name": "某某科技有限公司" * 10} for _ in range(5000)]
    assert repr(bolt_params({"rows": rows, "limit": 3})) == "{'rows': <5000 items>, 'limit': 3}"


def test_only_lists_are_wrapped() -> None:
    params = bolt_params({"rows": [1], "name": "x", "keys": ("a",), "n": None})
    assert type(params["rows"]) is Batch and params["rows"] == [1]
    assert params["name"] == "x" and params["keys"] == ("a",) and params["n"] is None
