"""The evidence graph as a PNG (server-side, Pillow + a networkx layout), for the PDF and the DOCX."""

from __future__ import annotations

import io
import math
from typing import Any

import networkx as nx
from PIL import Image, ImageDraw, ImageFont

from ipclue.reports import words
from ipclue.reports.fonts import cjk_font

WIDTH, HEIGHT, MARGIN_X, MARGIN_Y = 1600, 1000, 240, 70
COLOURS = {
    "Party": "#2f6fb0",
    "Case": "#c0504d",
    "Penalty": "#d98b2b",
    "Trademark": "#4f9a5a",
    "Patent": "#7d5ba6",
    "Address": "#7f7f7f",
    "Phone": "#7f7f7f",
    "Email": "#7f7f7f",
}


def graph_png(graph: dict[str, Any]) -> bytes | None:
    """The subgraph (``nodes``/``edges`` as the API's evidence subgraph has them) drawn; None if empty."""
    nodes = graph.get("nodes") or []
    if not nodes:
        return None
    pos = _layout(nodes, graph.get("edges") or [])
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    small = ImageFont.truetype(str(cjk_font()), 22)
    large = ImageFont.truetype(str(cjk_font()), 26)
    for e in graph.get("edges") or []:
        if e["source"] in pos and e["target"] in pos:
            _edge(draw, pos[e["source"]], pos[e["target"]], words.RELATIONS.get(e["type"], e["type"]), small)
    for n in nodes:
        _node(draw, pos[n["id"]], n, large)
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=6)  # optimize=True took 87% of a report's time
    return buf.getvalue()


def _layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    g: nx.Graph = nx.Graph()
    g.add_nodes_from(n["id"] for n in nodes)
    g.add_edges_from((e["source"], e["target"]) for e in edges if e["source"] != e["target"])
    if len(nodes) == 1:
        return {nodes[0]["id"]: (WIDTH / 2, HEIGHT / 2)}
    raw = nx.spring_layout(g, seed=7, k=2.2 / math.sqrt(len(nodes)), iterations=200)
    xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {
        k: (
            MARGIN_X + (p[0] - min(xs)) / span_x * (WIDTH - 2 * MARGIN_X),
            MARGIN_Y + (p[1] - min(ys)) / span_y * (HEIGHT - 2 * MARGIN_Y - 40),
        )
        for k, p in raw.items()
    }


def _edge(
    draw: ImageDraw.ImageDraw, a: tuple[float, float], b: tuple[float, float], label: str, font: Any
) -> None:
    draw.line([a, b], fill="#9a9a9a", width=3)
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    box = draw.textbbox(mid, label, font=font, anchor="mm")
    draw.rectangle(box, fill="white")
    draw.text(mid, label, fill="#555555", font=font, anchor="mm")


def _node(draw: ImageDraw.ImageDraw, p: tuple[float, float], node: dict[str, Any], font: Any) -> None:
    r = 18
    colour = COLOURS.get(str(node.get("label")), "#555555")
    draw.ellipse([p[0] - r, p[1] - r, p[0] + r, p[1] + r], fill=colour, outline="white", width=3)
    name = str(node.get("name") or node.get("key") or "")
    text = name if len(name) <= 16 else name[:15] + "…"
    label = f"{words.LABELS.get(str(node.get('label')), '')}｜{text}"
    draw.text((p[0], p[1] + r + 6), label, fill="#222222", font=font, anchor="ma")
