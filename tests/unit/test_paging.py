"""Opaque page cursors, and the review queue's position in one (pure)."""

from __future__ import annotations

import pytest

from ipclue.errors import InvalidInput
from ipclue.graph.resolution.possible import _cursor, _position
from ipclue.paging import decode_cursor, encode_cursor


def test_a_cursor_holds_its_position_with_or_without_padding() -> None:
    for text in ("", "0042|flag-1", '[0.609, "per-a", "per-b"]', "同名"):
        assert decode_cursor(encode_cursor(text)) == text
        assert decode_cursor(encode_cursor(text).rstrip("=")) == text
    with pytest.raises(InvalidInput, match="bad cursor"):
        decode_cursor("%%%")


def test_the_queue_position_round_trips_and_refuses_what_it_did_not_give() -> None:
    row = {"score": 0.609, "a": "per-1", "b": "per-2"}
    assert _position(_cursor(row)) == (0.609, "per-1", "per-2")
    for bad in ("[NaN, \"a\", \"b\"]", "[1e999, \"a\", \"b\"]", "[true, \"a\", \"b\"]", "[0.6, 1, \"b\"]",
                "[0.6, \"a\"]", "{\"a\": 1}", "5", "[" * 5000):  # fmt: skip
        with pytest.raises(InvalidInput):
            _position(encode_cursor(bad))
