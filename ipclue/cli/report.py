"""``ipclue report FLAG…`` and ``ipclue export``: reports (PDF, DOCX) and flag lists (CSV, XLSX)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ipclue.cli.common import err, graph_session

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="pdf or docx")]
KindOpt = Annotated[str, typer.Option("--kind", help="review (线索审查报告) or referral (线索移送函)")]
OutOpt = Annotated[
    Path | None, typer.Option("--out", "-o", help="output file (default: <kind>-<flag>.<format>)")
]
MaskOpt = Annotated[bool, typer.Option("--masked", help="mask personal data as for the consumer role")]


def report(
    flags: Annotated[list[str], typer.Argument(help="flag ids (flg-…), in the order the report lists them")],
    fmt: FormatOpt = "pdf",
    kind: KindOpt = "review",
    out: OutOpt = None,
    masked: MaskOpt = False,
    by: Annotated[str, typer.Option("--by", help="who generates it")] = os.environ.get("USER", "cli"),
) -> None:
    """Write one 线索审查报告 / 线索移送函 over these flags as PDF or DOCX."""
    from ipclue.reports import build_report, render

    if fmt not in ("pdf", "docx"):
        raise typer.BadParameter("use pdf or docx", param_hint="--format")
    if kind not in ("review", "referral"):
        raise typer.BadParameter("use review or referral", param_hint="--kind")
    target = out or Path(f"{kind}-{flags[0] if len(flags) == 1 else f'{len(flags)}-flags'}.{fmt}")
    with graph_session(init=False, read=True) as graph:
        role = "consumer" if masked else "investigator"
        data = build_report(
            graph, flags, kind="referral" if kind == "referral" else "review", who=by, role=role
        )
    target.write_bytes(render(data, "docx" if fmt == "docx" else "pdf"))
    err.print(f"wrote {target} ({len(data.flags)} flag{'s' if len(data.flags) != 1 else ''}, {fmt})")


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or xlsx")] = "csv",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="output file (default: flags.<format>)")
    ] = None,
    detector: Annotated[str | None, typer.Option("--detector", "-d")] = None,
    status: Annotated[str | None, typer.Option("--status")] = None,
    severity: Annotated[str | None, typer.Option("--severity")] = None,
    masked: MaskOpt = False,
) -> None:
    """Write every flag the filters select as CSV or XLSX (XLSX also lists the filters)."""
    from ipclue.reports.tables import flag_rows, flag_table

    if fmt not in ("csv", "xlsx"):
        raise typer.BadParameter("use csv or xlsx", param_hint="--format")
    filters = {"detector": detector, "status": status, "severity": severity}
    with graph_session(init=False, read=True) as graph:
        rows = flag_rows(graph, filters, masked=masked)
    target = out or Path(f"flags.{fmt}")
    target.write_bytes(flag_table(rows, filters, "xlsx" if fmt == "xlsx" else "csv"))
    err.print(f"wrote {target} ({len(rows)} flags, {fmt})")


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("export")(export)
