"""The flag list's two encoders (validated models, and the API's direct JSON) agree; cursors are checked."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ipclue.detect.store import flag_page, flag_page_json, list_params
from ipclue.errors import InvalidInput


def _row(n: int, score: float, stamp: str) -> dict[str, Any]:
    fid = f"flg-{n:020x}"
    return {
        "id": fid,
        "detector": "serial-infringer",
        "detector_version": 2,
        "family": "serial_infringement",
        "severity": "high",
        "score": score,
        "status": "new",
        "reason": "甲公司 三次被罚",
        "reason_en": None,  # the list's map projection gives null for a flag stored without one
        "subjects": json.dumps([{"label": "Party", "key": f"org-{n}"}], ensure_ascii=False),
        "run_id": "run-1",
        "rank": f"{1_000_000 - round(score * 1_000_000):07d} {fid}",
        "created_at": stamp,
        "updated_at": stamp,
    }


STAMPS = ["2026-11-30T07:40:54.69Z", "2026-11-30T07:40:54Z", "2026-11-30T07:40:54.123456789Z"]


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
def test_direct_json_equals_the_validated_page(limit: int) -> None:
    rows = [_row(i, 1.0 - i / 10, STAMPS[i % 3]) for i in range(4)]
    assert json.loads(flag_page_json(rows, limit)) == flag_page(rows, limit).model_dump(mode="json")


def test_next_cursor_resumes_after_the_last_item() -> None:
    rows = [_row(i, 0.9, STAMPS[0]) for i in range(3)]
    page = json.loads(flag_page_json(rows, 2))
    assert [i["id"] for i in page["items"]] == [rows[0]["id"], rows[1]["id"]]
    params = list_params(limit=2, cursor=page["next_cursor"], since=None, until=None)
    assert params["after"] == rows[1]["rank"] and params["limit"] == 3
    assert json.loads(flag_page_json(rows[:2], 2))["next_cursor"] is None


@pytest.mark.parametrize("cursor", ["bm9wZQ", "!!!", "WzEuMCwgImZsZy0wMDEiXQ=="])
def test_a_foreign_cursor_is_refused(cursor: str) -> None:
    with pytest.raises(InvalidInput, match="bad cursor"):
        list_params(limit=10, cursor=cursor, since=None, until=None)
