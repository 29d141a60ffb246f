"""``ipclue explain|merge|split|possible|confirm|reject``: why mentions joined a party, the review
queue, and user corrections."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer
from rich.table import Table

from ipclue.cli.common import err, graph_session, out
from ipclue.errors import InvalidInput
from ipclue.graph.db import Graph
from ipclue.graph.resolution import (
    Explanation,
    JudgementError,
    confirm,
    explain,
    force_merge,
    force_split,
    reject,
    review_queue,
)
from ipclue.graph.resolution.possible import QUEUE_MAX


def explain_party(graph: Graph, party: str) -> list[Explanation]:
    """Explanations for a uid or a name (what ``ipclue explain`` prints)."""
    return explain(graph, party)


def merge_parties(graph: Graph, keep: str, absorb: str, note: str) -> str:
    """Force-merge ``absorb`` into ``keep``; returns the judgement id."""
    return force_merge(graph, keep, absorb, note)


def split_party(graph: Graph, uid: str, mentions: list[str], note: str) -> tuple[str, str]:
    """Force-split ``mentions`` off ``uid``; returns (judgement id, new uid)."""
    return force_split(graph, uid, mentions, note)


def _table(exp: Explanation) -> Table:
    title = f"{exp.uid} {exp.kind} {exp.name}" + (f" USCC {exp.uscc}" if exp.uscc else "")
    table = Table("mention", "as written", "context", "rule", "score", "evidence", "source", title=title)
    for m in exp.mentions:
        table.add_row(m.id, m.name, m.context, m.rule, f"{m.score:.2f}", m.evidence, m.path or "")
    return table


def explain_cmd(party: str = typer.Argument(..., help="party uid or name")) -> None:
    """Show why each mention joined the party: rule, score, evidence, source path."""
    with graph_session(read=True) as graph:
        found = explain_party(graph, party)
    if not found:
        err.print(f"[red]no party matches[/] {party}")
        raise typer.Exit(1)
    for exp in found:
        out.print(_table(exp))
        for j in exp.judgements:
            out.print(f"judgement {j['id']} {j['kind']} a={j['a']} b={j['b']} at {j['at']}: {j['note']}")
        for p in exp.possible:
            why = f"({p['score']:.2f}, {p['rule']}): {p['evidence']}"
            out.print(f"possibly the same as {p['uid']} {p['name']} {why}")


def possible_cmd(
    limit: Annotated[int, typer.Option(min=1, max=QUEUE_MAX, help="how many to show")] = 20,
    rule: Annotated[str | None, typer.Option(help="only this rule, e.g. person:group-name-roles")] = None,
    min_score: Annotated[float, typer.Option(min=0.0, max=1.0, help="only at this score or more")] = 0.0,
    cursor: Annotated[str | None, typer.Option(help="the next page, as the previous page printed it")] = None,
) -> None:
    """The review queue: possible matches across the graph, best score first (confirm or reject each)."""
    with graph_session(read=True) as graph:
        try:
            page = review_queue(graph, limit=limit, rule=rule, min_score=min_score, cursor=cursor)
        except InvalidInput as exc:
            raise typer.BadParameter(str(exc), param_hint="--cursor") from exc
    table = Table("score", "rule", "party a", "party b", "evidence", title=f"{page.total:,} possible matches")
    for m in page.items:
        a, b = f"{m['a']} {m['a_name'] or ''}", f"{m['b']} {m['b_name'] or ''}"
        table.add_row(f"{m['score']:.3f}", m["rule"], a, b, m["evidence"])
    out.print(table)
    if page.next_cursor:
        typer.echo(f"next page: ipclue possible --cursor {page.next_cursor}")  # one line, never wrapped


T = TypeVar("T")
Note = Annotated[str, typer.Option("--note", help="why (stored with the judgement)")]
OneOfPair = Annotated[str, typer.Argument(help="one party of the possible match")]
OtherOfPair = Annotated[str, typer.Argument(help="the other party")]


def _judge(decide: Callable[..., T], *args: Any) -> T:
    """Store one judgement on the configured graph; a refused one is a usage error with its reason."""
    with graph_session() as graph:
        try:
            return decide(graph, *args)
        except JudgementError as exc:
            raise typer.BadParameter(str(exc)) from exc


def merge_cmd(
    uid_a: str = typer.Argument(..., help="surviving party uid"),
    uid_b: str = typer.Argument(..., help="party merged into it"),
    note: Note = "",
) -> None:
    """Force-merge two parties (stored as a judgement; survives re-ingestion)."""
    jid = _judge(merge_parties, uid_a, uid_b, note)
    typer.echo(f"{uid_b} merged into {uid_a} (judgement {jid})")


def split_cmd(
    uid: Annotated[str, typer.Argument(help="party uid")],
    mention: Annotated[list[str], typer.Option("--mention", help="mention id to split off (repeatable)")],
    note: Note = "",
) -> None:
    """Force-split mentions off a party into a new party (stored as a judgement)."""
    jid, new_uid = _judge(split_party, uid, mention, note)
    typer.echo(f"{len(mention)} mention(s) split from {uid} into {new_uid} (judgement {jid})")


def confirm_cmd(
    uid_a: OneOfPair,
    uid_b: OtherOfPair,
    note: Note = "",
) -> None:
    """Confirm a possible match: the two parties are merged (a force-merge judgement)."""
    jid, keep = _judge(confirm, uid_a, uid_b, note)
    typer.echo(f"{uid_a} and {uid_b} merged into {keep} (judgement {jid})")


def reject_cmd(
    uid_a: OneOfPair,
    uid_b: OtherOfPair,
    note: Note = "",
) -> None:
    """Reject a possible match: the two parties are different people (a force-split judgement)."""
    jid = _judge(reject, uid_a, uid_b, note)
    typer.echo(f"{uid_a} and {uid_b} kept apart (judgement {jid})")


def register(app: typer.Typer) -> None:
    app.command("explain")(explain_cmd)
    app.command("merge")(merge_cmd)
    app.command("split")(split_cmd)
    app.command("possible")(possible_cmd)
    app.command("confirm")(confirm_cmd)
    app.command("reject")(reject_cmd)
