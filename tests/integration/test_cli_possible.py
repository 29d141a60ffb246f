"""``ipclue explain`` lists possible matches; ``ipclue confirm`` / ``ipclue reject`` decide them."""

from __future__ import annotations

from typer.testing import CliRunner

from ipclue.cli import app
from ipclue.graph.db import Graph
from tests.integration.test_cli import cli  # noqa: F401  (fixture)
from tests.integration.test_group_resolution import load, persons


def _pair(graph: Graph) -> tuple[str, str]:
    a, b = sorted({str(r["uid"]) for r in persons(graph, "欧阳锋")})
    return a, b


def test_explain_then_reject_then_confirm(cli: CliRunner, graph: Graph) -> None:  # noqa: F811
    load(graph)
    a, b = _pair(graph)
    shown = cli.invoke(app, ["explain", a])
    assert shown.exit_code == 0 and f"possibly the same as {b}" in shown.output and "飞鸿" in shown.output
    rejected = cli.invoke(app, ["reject", a, b, "--note", "不同人"])
    assert rejected.exit_code == 0 and "kept apart" in rejected.output, rejected.output
    again = cli.invoke(app, ["confirm", a, b])
    assert again.exit_code != 0 and "no possible match" in again.output
    assert "possibly the same" not in cli.invoke(app, ["explain", a]).output
