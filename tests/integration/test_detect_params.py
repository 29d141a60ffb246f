"""Overrides checked against the header's types and bounds before anything runs (CLI and API alike)."""

from __future__ import annotations

import pytest

from ipclue.detect import run_detectors
from ipclue.detect.params import ParamError
from ipclue.graph.db import Graph


def test_a_run_refuses_overrides_that_do_not_fit_and_names_them(graph: Graph) -> None:
    """Used to run: "0.9" was compared as a string and silently dropped every hit; 9 hops ran."""
    with pytest.raises(ParamError) as caught:
        run_detectors(graph, ids=["linked-opponents"], params={"min_score": "0.9", "max_hops": 9})
    assert set(caught.value.problems) == {"min_score", "max_hops"}
    assert caught.value.status == 422
    report = run_detectors(graph, ids=["linked-opponents"], params={"max_hops": 3}, dry_run=True)
    assert report.detectors[0].error is None and report.detectors[0].params["max_hops"] == 3
